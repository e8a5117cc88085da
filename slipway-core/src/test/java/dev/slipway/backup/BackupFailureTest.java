package dev.slipway.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.SlipwayException;
import dev.slipway.config.BackupConfig;
import dev.slipway.config.BackupFormat;
import dev.slipway.testkit.PostgresServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What stops a backup before pg_dump starts: a backup directory that cannot be written, a missing or too old
 * pg_dump, a table that does not exist, options that do not fit together. Each is bad input (exit 2), leaves no
 * file behind and the database as it was.
 */
class BackupFailureTest {
    @TempDir
    Path project;

    private Shop shop;
    private Map<String, String> before;

    @BeforeEach
    void createShop() throws Exception {
        shop = Shop.create(PostgresServers.defaultMajor(), "failures", project);
        before = shop.checksums();
    }

    @AfterEach
    void dropShop() {
        shop.drop();
    }

    private SlipwayException refused(Slipway slipway, BackupRequest request) throws Exception {
        SlipwayException refusal = catchThrowableOfType(SlipwayException.class,
                () -> slipway.backup(request, BackupListener.NONE));
        assertThat(refusal).as("the backup was refused").isNotNull();
        assertThat(refusal.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(refusal.getMessage()).contains("database: not touched").doesNotContain(shop.db().server()
                .password());
        assertThat(shop.checksums()).isEqualTo(before);
        return refusal;
    }

    @Test
    void aBackupDirectoryThatIsAFileIsRefused() throws Exception {
        Path notAFolder = Files.writeString(project.resolve("backups"), "a file\n");
        SlipwayException refusal = refused(shop.slipway(BackupConfig.defaults().withDirectory(notAFolder)),
                BackupRequest.wholeDatabase());
        assertThat(refusal.getMessage()).contains("the backup directory cannot be used", notAFolder
                + " exists but is not a folder", "[backup] directory");

        Path under = notAFolder.resolve("inside");
        assertThat(refused(shop.slipway(BackupConfig.defaults().withDirectory(under)), BackupRequest.wholeDatabase())
                .getMessage()).contains("could not create " + under);
        assertThat(Files.readString(notAFolder)).isEqualTo("a file\n");
    }

    @Test
    void aMissingPgDumpIsNamedWithHowToInstallIt() throws Exception {
        Path emptyBin = Files.createDirectories(project.resolve("empty-bin"));
        Path backups = project.resolve("backups");
        SlipwayException refusal = refused(shop.slipway(BackupConfig.defaults().withDirectory(backups)
                .withBinDir(emptyBin)), BackupRequest.wholeDatabase());
        assertThat(refusal.getMessage()).contains("pg_dump 15 or newer is needed to dump PostgreSQL 15.",
                "none was found in " + emptyBin, "apt-get install postgresql-client-15", "bin_dir");
        assertThat(BackupRoundTripTest.filesIn(backups)).isEmpty();
    }

    @Test
    void aPgDumpOlderThanTheServerIsRefusedNamingWhatWasFound() throws Exception {
        Shop newer = Shop.create(17, "newer", project.resolve("newer"));
        try {
            Path backups = project.resolve("backups17");
            SlipwayException refusal = catchThrowableOfType(SlipwayException.class, () -> newer.slipway(
                    BackupConfig.defaults().withDirectory(backups)).backup(BackupRequest.wholeDatabase(),
                    BackupListener.NONE));
            assertThat(refusal.status()).isEqualTo(ExitStatus.USAGE);
            assertThat(refusal.getMessage()).contains("pg_dump 17 or newer is needed to dump PostgreSQL 17.",
                    "found only pg_dump 15.", "/usr/lib/postgresql/15/bin/pg_dump",
                    "apt-get install postgresql-client-17", "database: not touched");
            assertThat(BackupRoundTripTest.filesIn(backups)).isEmpty();
        } finally {
            newer.drop();
        }
    }

    @Test
    void anUnknownTableIsRefused() throws Exception {
        Path backups = project.resolve("backups");
        assertThat(refused(shop.slipway(BackupConfig.defaults().withDirectory(backups)), BackupRequest
                .wholeDatabase().withTables(List.of("customers", "no_such_table", "\"unclosed"))).getMessage())
                .contains("no such table: no_such_table, \"unclosed");
        assertThat(BackupRoundTripTest.filesIn(backups)).isEmpty();
    }

    @Test
    void jobsNeedTheDirectoryFormatAndADataSourceIsNotEnough() throws Exception {
        Path backups = project.resolve("backups");
        Slipway slipway = shop.slipway(BackupConfig.defaults().withDirectory(backups));
        assertThat(refused(slipway, BackupRequest.wholeDatabase().withJobs(2)).getMessage())
                .contains("needs the directory format");
        assertThat(refused(slipway, BackupRequest.wholeDatabase().withFormat(BackupFormat.NONE)).getMessage())
                .contains("only the backup command runs, but there is none");
        Slipway fromDataSource = Slipway.configure().dataSource(shop.db().dataSource())
                .locations(shop.migrations().toString()).backupDirectory(backups).load();
        assertThat(refused(fromDataSource, BackupRequest.wholeDatabase()).getMessage())
                .contains("a data source is not enough");
        assertThat(Files.exists(backups)).isFalse();
    }
}
