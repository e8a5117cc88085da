package dev.slipway.cli;

import dev.slipway.SlipwayBuilder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --directory}: the backup directory, for {@code backup}, {@code backups} and {@code restore}. */
final class BackupDirectoryOption {
    @Option(names = "--directory", paramLabel = "DIR", description = "The backup directory (default: [backup]"
            + " directory, else ./backups).")
    Path directory;

    void applyTo(SlipwayBuilder builder) {
        if (directory != null) builder.backupDirectory(directory);
    }
}
