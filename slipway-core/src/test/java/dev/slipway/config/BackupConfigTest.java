package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.db.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code [backup]} section of slipway.toml and its {@code SLIPWAY_BACKUP_*} variables. */
class BackupConfigTest {
    @TempDir
    Path dir;

    private SlipwayConfig load(Map<String, String> variables, String... lines) throws IOException {
        Path file = Files.write(dir.resolve("slipway.toml"), List.of(lines));
        return ConfigLoader.load(file, new Environment(variables, dir, "osuser"));
    }

    @Test
    void defaultsToCustomFormatInBackupsKeepingEverything() throws IOException {
        assertThat(load(Map.of(), "[migrations]").backup()).isEqualTo(new BackupConfig(Path.of("backups"), 0,
                Optional.empty(), BackupFormat.CUSTOM, Optional.empty()));
    }

    @Test
    void readsEveryKeyAndLeavesShellVariablesWithoutBracesAlone() throws IOException {
        BackupConfig backup = load(Map.of("BUCKET", "s3://shop-backups"),
                "[backup]",
                "directory = \"/var/backups/shop\"",
                "keep = 7",
                "format = \"directory\"",
                "command = \"aws s3 cp --recursive \\\"$SLIPWAY_BACKUP_FILE\\\" ${BUCKET}/$SLIPWAY_BACKUP_ID\"",
                "bin_dir = \"/usr/lib/postgresql/17/bin\"").backup();
        assertThat(backup.directory()).isEqualTo(Path.of("/var/backups/shop"));
        assertThat(backup.keep()).isEqualTo(7);
        assertThat(backup.format()).isEqualTo(BackupFormat.DIRECTORY);
        assertThat(backup.command()).contains("aws s3 cp --recursive \"$SLIPWAY_BACKUP_FILE\""
                + " s3://shop-backups/$SLIPWAY_BACKUP_ID");
        assertThat(backup.binDir()).contains(Path.of("/usr/lib/postgresql/17/bin"));
    }

    @Test
    void variablesOverrideTheFile() throws IOException {
        BackupConfig backup = load(Map.of("SLIPWAY_BACKUP_DIRECTORY", "/mnt/backups", "SLIPWAY_BACKUP_KEEP", "3",
                        "SLIPWAY_BACKUP_FORMAT", "none", "SLIPWAY_BACKUP_COMMAND", "snapshot.sh",
                        "SLIPWAY_BACKUP_BIN_DIR", "/opt/pg/bin"),
                "[backup]", "directory = \"here\"", "keep = 10").backup();
        assertThat(backup).isEqualTo(new BackupConfig(Path.of("/mnt/backups"), 3, Optional.of("snapshot.sh"),
                BackupFormat.NONE, Optional.of(Path.of("/opt/pg/bin"))));
    }

    @Test
    void mistakesNameTheLineAndKey() throws IOException {
        assertThatThrownBy(() -> load(Map.of(), "[backup]", "keeep = 3")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("slipway.toml:2").hasMessageContaining("did you mean backup.keep?");
        assertThatThrownBy(() -> load(Map.of(), "[backup]", "format = \"tar\"")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("backup.format").hasMessageContaining("custom, directory or none");
        assertThatThrownBy(() -> load(Map.of(), "[backup]", "keep = -1")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("backup.keep");
        assertThatThrownBy(() -> load(Map.of(), "[backup]", "format = \"none\"")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no backup.command");
        assertThatThrownBy(() -> load(Map.of("SLIPWAY_BACKUP_KEEP", "many"), "[backup]"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLIPWAY_BACKUP_KEEP");
    }
}
