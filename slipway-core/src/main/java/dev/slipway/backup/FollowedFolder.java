package dev.slipway.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hashes the files of a directory-format dump while {@code pg_dump} writes them, so they are not read a second time
 * once it is done: each pass reads what each file has gained since the last one (pg_dump writes every file from
 * start to end, never going back) from the page cache, where it has just been written. The last pass, after pg_dump
 * has exited, reads each file to its end; a file that is shorter than what was read of it, which pg_dump never does,
 * is hashed again from its start. The sums are those of {@link Sha256#ofFolder}. One buffer whatever the dump's size.
 * Not thread-safe; one per dump.
 */
final class FollowedFolder {
    private final Path folder;
    private final Map<String, FileState> files = new HashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(Sha256.CHUNK);
    private long bytes;

    /** What has been hashed of one file. */
    private static final class FileState {
        private MessageDigest digest = Sha256.digest();
        private long position;
    }

    FollowedFolder(Path folder) {
        this.folder = folder;
    }

    /** {@return the bytes hashed so far, over all files} */
    long bytes() {
        return bytes;
    }

    /**
     * Hashes what the files have gained since the last pass.
     *
     * @return the bytes read
     */
    long pass() throws IOException {
        long before = bytes;
        for (Path file : regularFiles()) {
            FileState state = files.computeIfAbsent(file.getFileName().toString(), name -> new FileState());
            follow(file, state);
        }
        return bytes - before;
    }

    /** Hashes every file to its end, once its writer has exited, and returns the sums. */
    Sha256.FolderSums finish() throws IOException {
        pass();
        Map<String, String> sums = new TreeMap<>();
        List<Path> present = regularFiles();
        for (Path file : present) {
            String name = file.getFileName().toString();
            sums.put(name, HexFormat.of().formatHex(files.get(name).digest.digest()));
        }
        long size = 0;
        for (Path file : present) {
            size += Files.size(file);
        }
        return new Sha256.FolderSums(sums, Sha256.combine(sums), size);
    }

    private List<Path> regularFiles() throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder, Files::isRegularFile)) {
            listing.forEach(found::add);
        }
        return found;
    }

    private void follow(Path file, FileState state) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size == state.position) return;
            if (size < state.position) {
                // pg_dump does not rewrite a file; should one shrink anyway, its sum starts over
                bytes -= state.position;
                state.digest = Sha256.digest();
                state.position = 0;
            }
            in.position(state.position);
            for (int n = in.read(buffer.clear()); n > 0; n = in.read(buffer.clear())) {
                state.digest.update(buffer.array(), 0, n);
                state.position += n;
                bytes += n;
            }
        } catch (NoSuchFileException gone) {
            // not there any more: pg_dump does not remove files, so only a failing dump gets here
        }
    }
}
