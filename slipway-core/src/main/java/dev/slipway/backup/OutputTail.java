package dev.slipway.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Drains a program's output stream on its own thread and keeps its last few kilobytes for messages, so a chatty
 * program can neither block on a full pipe nor fill memory. Thread-safe.
 */
final class OutputTail {
    private static final int KEEP = 16 * 1024;

    private final byte[] ring = new byte[KEEP];
    private final Thread reader;
    private long total;

    private OutputTail(InputStream stream, String name) {
        this.reader = new Thread(() -> drain(stream), name);
        reader.setDaemon(true);
    }

    /** {@return a tail that starts reading {@code stream} now} */
    static OutputTail of(InputStream stream, String name) {
        OutputTail tail = new OutputTail(stream, name);
        tail.reader.start();
        return tail;
    }

    private void drain(InputStream stream) {
        byte[] buffer = new byte[8192];
        try (stream) {
            for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                append(buffer, n);
            }
        } catch (IOException e) {
            // the program ended or was stopped; what was read is kept
        }
    }

    private synchronized void append(byte[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (total++ % KEEP)] = buffer[i];
        }
    }

    /** {@return the kept output, trimmed, after the stream has ended (waits for it)} */
    String text() {
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while reading a program's output", e));
        }
        synchronized (this) {
            int length = (int) Math.min(total, KEEP);
            byte[] kept = new byte[length];
            int start = (int) ((total - length) % KEEP);
            for (int i = 0; i < length; i++) {
                kept[i] = ring[(start + i) % KEEP];
            }
            String text = new String(kept, StandardCharsets.UTF_8).strip();
            return total > KEEP ? "..." + text.substring(Math.min(text.length(), text.indexOf('\n') + 1)) : text;
        }
    }
}
