package dev.slipway.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.SlipwayException;
import dev.slipway.config.BackupConfig;
import dev.slipway.config.BackupFormat;
import dev.slipway.testkit.PostgresServers;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore refuses, before it touches the database, a damaged or foreign backup and a confirmation that does not
 * name the database; each refusal is bad input (exit 2) and leaves every table as it was.
 */
class RestoreRefusalsTest {
    @TempDir
    Path project;

    private Shop shop;
    private StoredBackup backup;
    private Map<String, String> now;

    @BeforeEach
    void backUpThenChange() throws Exception {
        shop = Shop.create(PostgresServers.defaultMajor(), "refusals", project);
        backup = slipway().backup(BackupRequest.wholeDatabase(), BackupListener.NONE).backup();
        shop.scribble();
        now = shop.checksums();
    }

    @AfterEach
    void dropShop() {
        shop.drop();
    }

    private Slipway slipway() {
        return shop.slipway(BackupConfig.defaults().withDirectory(project.resolve("backups")));
    }

    private SlipwayException refused(RestoreRequest request) throws Exception {
        SlipwayException refusal = catchThrowableOfType(SlipwayException.class,
                () -> slipway().restore(request, BackupListener.NONE));
        assertThat(refusal).as("the restore was refused").isNotNull();
        assertThat(refusal.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(refusal.getMessage()).contains("database: not touched");
        assertThat(shop.checksums()).as("every table as it was").isEqualTo(now);
        return refusal;
    }

    private RestoreRequest confirmed(String reference) {
        return RestoreRequest.of(reference, shop.db().name());
    }

    @Test
    void aChangedByteIsFoundByTheChecksum() throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(backup.location().toFile(), "rw")) {
            file.seek(file.length() / 2);
            int old = file.read();
            file.seek(file.length() / 2);
            file.write(old ^ 0x01);
        }
        assertThat(refused(confirmed(backup.id())).getMessage()).contains("is damaged", "SHA-256",
                backup.manifest().sha256(), "corrupt or was changed", "restore another backup");
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(backup.location().toFile(), "rw")) {
            file.setLength(file.length() - 100);
        }
        assertThat(refused(confirmed(backup.location().toString())).getMessage())
                .contains("bytes but the manifest says " + backup.manifest().size(), "truncated");
    }

    @Test
    void aManifestWithAnotherChecksumIsRefused() throws Exception {
        String manifest = Files.readString(backup.manifestFile());
        Files.writeString(backup.manifestFile(), manifest.replace(backup.manifest().sha256(), "0".repeat(64)));
        assertThat(refused(confirmed(backup.manifestFile().toString())).getMessage())
                .contains("but the manifest says " + "0".repeat(64));
    }

    @Test
    void aFileWithoutAManifestIsNotASlipwayBackup() throws Exception {
        Path foreign = Files.copy(backup.location(), project.resolve("copied.dump"));
        assertThat(refused(confirmed(foreign.toString())).getMessage()).contains("is not a Slipway backup",
                "no manifest " + project.resolve("copied.json"));
        assertThat(refused(confirmed("no-such-backup")).getMessage()).contains("there is no backup no-such-backup");
    }

    @Test
    void aFileThatIsNoArchiveIsRefusedEvenWithAMatchingManifest() throws Exception {
        Path notAnArchive = project.resolve("backups/forged.dump");
        Files.writeString(notAnArchive, "this is not a pg_dump archive\n".repeat(100));
        BackupManifest forged = new BackupManifest("forged", BackupFormat.CUSTOM, "forged.dump",
                backup.manifest().database(), backup.manifest().host(), backup.manifest().port(),
                backup.manifest().user(), backup.manifest().serverVersion(), backup.manifest().pgDumpVersion(), "2",
                backup.manifest().createdAt(), backup.manifest().duration(), Files.size(notAnArchive),
                BackupRoundTripTest.sha256(notAnArchive), Map.of(), "dev", backup.manifest().tables(),
                List.of(), Verification.LISTED, null);
        Files.writeString(project.resolve("backups/forged.json"), forged.toJson());
        assertThat(refused(confirmed("forged")).getMessage()).contains("is not an archive pg_restore can read");
    }

    @Test
    void theConfirmationMustNameTheTargetDatabase() throws Exception {
        assertThat(refused(RestoreRequest.of(backup.id(), null)).getMessage())
                .contains("needs the database name", "--confirm " + shop.db().name(), "--yes is not enough");
        assertThat(refused(RestoreRequest.of(backup.id(), "postgres")).getMessage())
                .contains("the confirmation 'postgres' does not name the database", shop.db().name());
        assertThat(refused(RestoreRequest.of(backup.id(), shop.db().name().toUpperCase())).getMessage())
                .contains("does not name");
    }

    @Test
    void aBackupOfAnotherDatabaseIsRefusedUnlessAllowed() throws Exception {
        Shop other = Shop.create(PostgresServers.defaultMajor(), "other", project.resolve("other"));
        try {
            Slipway intoOther = other.slipway(BackupConfig.defaults().withDirectory(project.resolve("backups")));
            SlipwayException refusal = catchThrowableOfType(SlipwayException.class, () -> intoOther.restore(
                    RestoreRequest.of(backup.id(), other.db().name()), BackupListener.NONE));
            assertThat(refusal.status()).isEqualTo(ExitStatus.USAGE);
            assertThat(refusal.getMessage()).contains("was taken of database " + shop.db().name(),
                    "--allow-other-database");

            other.scribble();
            intoOther.restore(RestoreRequest.of(backup.id(), other.db().name()).withAllowOtherDatabase(true),
                    BackupListener.NONE);
            shop.slipway(BackupConfig.defaults().withDirectory(project.resolve("backups")))
                    .restore(confirmed(backup.id()), BackupListener.NONE);
            assertThat(other.checksums()).isEqualTo(shop.checksums());
        } finally {
            other.drop();
        }
    }

    @Test
    void latestIsTheNewestWholeDatabaseBackupOfThisServer() throws Exception {
        StoredBackup partial = slipway().backup(BackupRequest.wholeDatabase().withTables(List.of("orders")),
                BackupListener.NONE).backup();
        assertThat(partial.manifest().createdAt()).isAfter(backup.manifest().createdAt());
        assertThat(slipway().findBackup("latest").id()).isEqualTo(backup.id());

        Path elsewhere = project.resolve("elsewhere");
        Files.createDirectories(elsewhere);
        Files.copy(backup.location(), elsewhere.resolve(backup.location().getFileName()));
        Files.writeString(elsewhere.resolve(backup.id() + ".json"), Files.readString(backup.manifestFile())
                .replace("\"port\" : " + backup.manifest().port(), "\"port\" : 1"));
        SlipwayException none = catchThrowableOfType(SlipwayException.class, () -> shop.slipway(BackupConfig
                .defaults().withDirectory(elsewhere)).findBackup("latest"));
        assertThat(none.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(none.getMessage()).contains("there is no whole-database backup of " + shop.db().name());
    }

    @Test
    void jobsNeedADirectoryFormatBackup() throws Exception {
        assertThat(refused(confirmed(backup.id()).withJobs(2)).getMessage()).contains("needs a directory-format");
    }

    @Test
    void aDirectoryBackupWithAChangedFileIsRefused() throws Exception {
        StoredBackup folder = slipway().backup(BackupRequest.wholeDatabase().withFormat(BackupFormat.DIRECTORY),
                BackupListener.NONE).backup();
        Path data = folder.location().resolve(folder.manifest().files().keySet().stream()
                .filter(name -> name.endsWith(".dat.gz")).findFirst().orElseThrow());
        Files.write(data, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        assertThat(refused(confirmed(folder.id())).getMessage()).contains("SHA-256 of " + data);
        Files.delete(data);
        assertThat(refused(confirmed(folder.id())).getMessage()).contains("missing: " + data.getFileName());
    }
}
