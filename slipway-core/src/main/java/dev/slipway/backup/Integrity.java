package dev.slipway.backup;

import dev.slipway.SlipwayException;
import dev.slipway.config.BackupFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Checks that a backup's dump is what its manifest says: present, of the recorded size, of the recorded SHA-256. */
final class Integrity {
    private static final String NEXT = "restore another backup (`slipway backups` lists them); this one cannot be"
            + " trusted";

    private Integrity() {
    }

    /**
     * Reads the whole dump and compares it with the manifest.
     *
     * @throws SlipwayException (bad input) describing the first difference
     */
    static void check(StoredBackup backup, int threads) {
        BackupManifest manifest = backup.manifest();
        Path location = backup.location();
        try {
            if (manifest.format() == BackupFormat.DIRECTORY) {
                checkFolder(backup, location, threads);
                return;
            }
            if (!Files.isRegularFile(location)) throw corrupt(backup, "its dump " + location + " is missing");
            long size = Files.size(location);
            if (size != manifest.size()) {
                throw corrupt(backup, location + " has " + size + " bytes but the manifest says " + manifest.size()
                        + ": it is truncated or not the file that was backed up");
            }
            String sum = Sha256.ofFile(location);
            if (!sum.equals(manifest.sha256())) {
                throw corrupt(backup, "the SHA-256 of " + location + " is " + sum + " but the manifest says "
                        + manifest.sha256() + ": the file is corrupt or was changed");
            }
        } catch (IOException e) {
            throw corrupt(backup, "could not read " + location + ": " + BackupDirectory.reason(e));
        }
    }

    private static void checkFolder(StoredBackup backup, Path location, int threads) throws IOException {
        BackupManifest manifest = backup.manifest();
        if (!Files.isDirectory(location)) throw corrupt(backup, "its dump folder " + location + " is missing");
        TreeSet<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(location)) {
            files.forEach(file -> present.add(file.getFileName().toString()));
        }
        TreeSet<String> missing = new TreeSet<>(manifest.files().keySet());
        missing.removeAll(present);
        TreeSet<String> extra = new TreeSet<>(present);
        extra.removeAll(manifest.files().keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw corrupt(backup, location + " does not hold the files its manifest lists"
                    + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                    + (extra.isEmpty() ? "" : "; not in the manifest: " + String.join(", ", extra)));
        }
        Sha256.FolderSums sums = Sha256.ofFolder(location, threads);
        for (Map.Entry<String, String> file : manifest.files().entrySet()) {
            String sum = sums.files().get(file.getKey());
            if (!file.getValue().equals(sum)) {
                throw corrupt(backup, "the SHA-256 of " + location.resolve(file.getKey()) + " is " + sum + " but the"
                        + " manifest says " + file.getValue() + ": the file is corrupt or was changed");
            }
        }
        if (!sums.combined().equals(manifest.sha256())) {
            throw corrupt(backup, "the SHA-256 of " + location + " is " + sums.combined() + " but the manifest says "
                    + manifest.sha256());
        }
    }

    private static SlipwayException corrupt(StoredBackup backup, String what) {
        return SlipwayException.badInput("backup " + backup.id() + " is damaged: " + what,
                backup.manifestFile().toString(), NEXT);
    }
}
