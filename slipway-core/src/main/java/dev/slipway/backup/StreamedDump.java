package dev.slipway.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Copies {@code pg_dump}'s standard output to the dump file and hashes it on the way, in one pass with one buffer:
 * memory stays constant and the file is never read back. Reports progress about once a second.
 */
final class StreamedDump {
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private StreamedDump() {
    }

    /**
     * What was written.
     *
     * @param size   bytes written
     * @param sha256 their hex SHA-256
     */
    record Written(long size, String sha256) {
    }

    /**
     * Copies {@code from} to the end of {@code file} until {@code from} ends.
     *
     * @throws IOException when writing fails (a full disk); reading stops there
     */
    static Written copy(InputStream from, Path file, BackupListener listener) throws IOException {
        MessageDigest digest = Sha256.digest();
        byte[] buffer = new byte[Sha256.CHUNK];
        long size = 0;
        long started = System.nanoTime();
        long reported = started;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int n = from.readNBytes(buffer, 0, buffer.length); n > 0; n = from.readNBytes(buffer, 0,
                    buffer.length)) {
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                digest.update(buffer, 0, n);
                size += n;
                long now = System.nanoTime();
                if (now - reported >= PROGRESS_EVERY_NANOS) {
                    reported = now;
                    listener.on(new BackupEvent.Progress(size, Duration.ofNanos(now - started)));
                }
            }
            out.force(true);
        }
        listener.on(new BackupEvent.Progress(size, Duration.ofNanos(System.nanoTime() - started)));
        return new Written(size, HexFormat.of().formatHex(digest.digest()));
    }
}
