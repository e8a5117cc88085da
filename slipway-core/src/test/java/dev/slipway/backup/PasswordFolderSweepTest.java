package dev.slipway.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password folder of a backup killed before it could remove it is removed by a later run; others stay. */
class PasswordFolderSweepTest {

    @Test
    void removesOnlyTheFoldersOfRunsOnThisHostThatAreGone(@TempDir Path temporary) throws Exception {
        PartialOwner self = PartialOwner.current();
        // pid_max is at most 4194304, so no process has that pid
        Path killed = folder(temporary, "slipway-pgpass-4194304-" + self.start() + "@" + self.host() + "-42");
        Path running = folder(temporary, "slipway-pgpass-" + self.nameTag() + "-7");
        Path otherHost = folder(temporary, "slipway-pgpass-4194304-1@some-other-host-9");
        Path olderForm = folder(temporary, "slipway-pgpass-123456789");

        assertThat(ClientEnvironment.sweepStale(temporary)).containsExactly(killed);

        assertThat(killed).doesNotExist();
        assertThat(running).exists();
        assertThat(otherHost).as("another host's processes cannot be seen from here").exists();
        assertThat(olderForm).as("a name that records no owner").exists();
    }

    private static Path folder(Path parent, String name) throws Exception {
        Path folder = Files.createDirectory(parent.resolve(name));
        Files.writeString(folder.resolve("pgpass"), "*:*:*:*:secret\n");
        return folder;
    }
}
