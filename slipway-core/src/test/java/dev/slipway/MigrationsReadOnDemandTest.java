package dev.slipway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations are read by the first method that needs them: listing backups (and so restoring one, the way back
 * when a release goes wrong) works while the migrations folder is missing, and the commands that use it still stop
 * with a usage error naming it.
 */
class MigrationsReadOnDemandTest {
    @TempDir
    Path project;

    @Test
    void backupsAreListedWithoutReadingTheMigrations() throws Exception {
        Path missing = project.resolve("db/migration");
        Path backups = Files.createDirectories(project.resolve("backups"));

        Slipway slipway = Slipway.configure().locations(missing.toString()).backupDirectory(backups).load();

        assertThat(slipway.backups().backups()).isEmpty();
        assertThatThrownBy(slipway::validate)
                .isInstanceOfSatisfying(SlipwayException.class,
                        e -> assertThat(e.status()).isEqualTo(ExitStatus.USAGE))
                .hasMessageContaining("does not exist (" + missing + ")");
        assertThatThrownBy(slipway::latestVersion).isInstanceOf(SlipwayException.class)
                .hasMessageContaining("does not exist");
    }

}
