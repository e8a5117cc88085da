package dev.slipway.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes temporary directory trees: a server's, the binaries' staging folder, the demo's project. */
public final class TempFiles {
    private TempFiles() {
    }

    /** Deletes {@code root} and everything under it, as far as it can; a missing folder is fine. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: the watchdog removes what is left
        }
    }
}
