package dev.slipway.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.ExitStatus;
import dev.slipway.SlipwayException;
import dev.slipway.config.BackupConfig;
import dev.slipway.config.BackupFormat;
import dev.slipway.testkit.PostgresServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keep = N} removes the oldest backups of the same database; the configured command runs and is recorded. */
class RetentionAndCommandTest {
    @TempDir
    Path project;

    private Shop shop;
    private Path backups;

    @BeforeEach
    void createShop() throws Exception {
        shop = Shop.create(PostgresServers.defaultMajor(), "retention", project);
        backups = project.resolve("backups");
    }

    @AfterEach
    void dropShop() {
        shop.drop();
    }

    @Test
    void keepRemovesTheOldestBackupsOfThisDatabaseOnly() throws Exception {
        Shop other = Shop.create(PostgresServers.defaultMajor(), "neighbour", project.resolve("other"));
        StoredBackup neighbours;
        try {
            neighbours = other.slipway(BackupConfig.defaults().withDirectory(backups))
                    .backup(BackupRequest.wholeDatabase(), BackupListener.NONE).backup();
        } finally {
            other.drop();
        }
        Files.writeString(backups.resolve("notes.txt"), "not a backup\n");
        BackupConfig keepTwo = BackupConfig.defaults().withDirectory(backups).withKeep(2);

        StoredBackup first = shop.slipway(keepTwo).backup(BackupRequest.wholeDatabase(), BackupListener.NONE).backup();
        StoredBackup second = shop.slipway(keepTwo).backup(BackupRequest.wholeDatabase(), BackupListener.NONE)
                .backup();
        BackupResult third = shop.slipway(keepTwo).backup(BackupRequest.wholeDatabase(), BackupListener.NONE);

        assertThat(third.removed()).containsExactly(first.id());
        assertThat(first.location()).doesNotExist();
        assertThat(first.manifestFile()).doesNotExist();
        assertThat(shop.slipway(keepTwo).backups().backups()).extracting(StoredBackup::id)
                .containsExactly(third.backup().id(), second.id(), neighbours.id());
        assertThat(backups.resolve("notes.txt")).exists();
        assertThat(second.id()).isNotEqualTo(first.id()).startsWith(shop.db().name() + "-2-");
    }

    @Test
    void theCommandRunsAfterTheDumpWithTheBackupAndTheConnectionInItsEnvironment() throws Exception {
        String command = "echo \"$SLIPWAY_BACKUP_ID $SLIPWAY_REVISION\" > " + project.resolve("seen.txt")
                + "; test -s \"$SLIPWAY_BACKUP_FILE\" && test -s \"$SLIPWAY_BACKUP_MANIFEST\""
                + " && /usr/lib/postgresql/15/bin/psql -XAtc 'select current_database()'";
        BackupResult made = shop.slipway(BackupConfig.defaults().withDirectory(backups).withCommand(command))
                .backup(BackupRequest.wholeDatabase(), BackupListener.NONE);

        CommandRecord record = made.backup().manifest().command();
        assertThat(record.exitCode()).isZero();
        assertThat(record.output()).isEqualTo(shop.db().name());
        assertThat(Files.readString(project.resolve("seen.txt"))).isEqualTo(made.backup().id() + " 2\n");
        assertThat(ManifestJson.read(Files.readString(made.backup().manifestFile())).command()).isEqualTo(record);
    }

    @Test
    void aFailingCommandFailsTheBackupButKeepsTheVerifiedDumpAndRecordsIt() throws Exception {
        BackupConfig config = BackupConfig.defaults().withDirectory(backups).withKeep(1)
                .withCommand("echo uploading; echo 'quota exceeded' >&2; exit 7");
        StoredBackup earlier = shop.slipway(BackupConfig.defaults().withDirectory(backups))
                .backup(BackupRequest.wholeDatabase(), BackupListener.NONE).backup();

        SlipwayException failure = catchThrowableOfType(SlipwayException.class,
                () -> shop.slipway(config).backup(BackupRequest.wholeDatabase(), BackupListener.NONE));

        assertThat(failure.status()).isEqualTo(ExitStatus.FAILED);
        assertThat(failure.getMessage()).contains("the backup command failed (exit 7)", "quota exceeded",
                "is complete and verified", "no old backup was removed");
        List<StoredBackup> listed = shop.slipway(config).backups().backups();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).manifest().command().exitCode()).isEqualTo(7);
        assertThat(listed.get(0).location()).exists();
        assertThat(earlier.location()).exists();
    }

    @Test
    void formatNoneRunsOnlyTheCommandAndCannotBeRestored() throws Exception {
        BackupConfig config = BackupConfig.defaults().withDirectory(backups).withCommand("echo snapshot taken")
                .withFormat(BackupFormat.NONE);
        BackupResult made = shop.slipway(config).backup(BackupRequest.wholeDatabase(), BackupListener.NONE);

        BackupManifest manifest = made.backup().manifest();
        assertThat(manifest.format()).isEqualTo(BackupFormat.NONE);
        assertThat(manifest.file()).isNull();
        assertThat(manifest.verification()).isEqualTo(Verification.NONE);
        assertThat(manifest.revision()).isEqualTo("2");
        assertThat(manifest.command().output()).isEqualTo("snapshot taken");
        assertThat(BackupRoundTripTest.filesIn(backups)).containsExactly(manifest.id() + ".json");

        SlipwayException refusal = catchThrowableOfType(SlipwayException.class, () -> shop.slipway(config)
                .restore(RestoreRequest.of(manifest.id(), shop.db().name()), BackupListener.NONE));
        assertThat(refusal.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(refusal.getMessage()).contains("has no dump", "echo snapshot taken");
    }
}
