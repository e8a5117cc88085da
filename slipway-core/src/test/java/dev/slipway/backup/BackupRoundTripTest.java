package dev.slipway.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.SlipwayException;
import dev.slipway.config.BackupConfig;
import dev.slipway.config.BackupFormat;
import dev.slipway.history.AuditEntry;
import dev.slipway.testkit.PostgresServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backup then restore gives back the data of every table, in both formats, whole or in part. */
class BackupRoundTripTest {
    @TempDir
    Path project;

    private Shop shop;
    private Path backups;
    private final List<BackupEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createShop() throws Exception {
        shop = Shop.create(PostgresServers.defaultMajor(), "roundtrip", project);
        backups = project.resolve("backups");
    }

    @AfterEach
    void dropShop() {
        shop.drop();
    }

    private Slipway slipway() {
        return shop.slipway(BackupConfig.defaults().withDirectory(backups));
    }

    @Test
    void aWholeDatabaseBackupRestoresEveryTableAndTheRevision() throws Exception {
        Map<String, String> before = shop.checksums();
        BackupResult made = slipway().backup(BackupRequest.wholeDatabase(), events::add);

        BackupManifest manifest = made.backup().manifest();
        String name = shop.db().name();
        assertThat(manifest.id()).matches(name + "-2-\\d{8}T\\d{6}Z");
        assertThat(made.backup().location()).isEqualTo(backups.resolve(manifest.id() + ".dump").toAbsolutePath());
        assertThat(made.backup().manifestFile()).isEqualTo(backups.resolve(manifest.id() + ".json"));
        assertThat(manifest.database()).isEqualTo(name);
        assertThat(manifest.host()).isEqualTo("127.0.0.1");
        assertThat(manifest.port()).isEqualTo(shop.db().server().port());
        assertThat(manifest.revision()).isEqualTo("2");
        assertThat(manifest.serverVersion()).isEqualTo(shop.db().queryString("show server_version")
                .replaceAll(" .*", ""));
        assertThat(manifest.pgDumpVersion()).startsWith("15.");
        assertThat(manifest.slipwayVersion()).isNotBlank();
        assertThat(manifest.verification()).isEqualTo(Verification.LISTED);
        assertThat(manifest.partial()).isFalse();
        assertThat(manifest.tables()).extracting(BackupTable::displayName).containsExactly("public.Audit Log",
                "public.customers", "public.orders", "public.slipway_history", "public.slipway_history_audit");
        assertThat(manifest.size()).isEqualTo(Files.size(made.backup().location())).isGreaterThan(10_000);
        assertThat(manifest.sha256()).isEqualTo(sha256(made.backup().location()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made.backup().location())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made.backup().manifestFile())))
                .isEqualTo("rw-------");
        assertThat(ManifestJson.read(Files.readString(made.backup().manifestFile()))).isEqualTo(manifest);
        assertThat(filesIn(backups)).containsExactlyInAnyOrder(manifest.id() + ".dump", manifest.id() + ".json");
        assertThat(events).anySatisfy(event -> assertThat(event).isInstanceOf(BackupEvent.Progress.class));

        List<AuditEntry> trailAtBackup = slipway().history();
        shop.migrateToThree();
        shop.scribble();
        assertThat(shop.checksums()).isNotEqualTo(before);

        RestoreResult restored = slipway().restore(RestoreRequest.of(manifest.id(), name), BackupListener.NONE);

        assertThat(shop.checksums()).isEqualTo(before);
        // the trail is the backup's, plus the restore itself
        List<AuditEntry> trail = slipway().history();
        assertThat(trail.subList(0, trail.size() - 1)).isEqualTo(trailAtBackup);
        assertThat(trail.get(trail.size() - 1)).satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("restore");
            assertThat(entry.outcome()).isEqualTo("success");
            assertThat(entry.version()).isEqualTo("2");
            assertThat(entry.detail()).isEqualTo("restored backup " + manifest.id() + " (taken at revision 2 on "
                    + manifest.createdAt() + "); the database was at revision 3 before");
        });
        assertThat(restored.revisionBefore()).isEqualTo("3");
        assertThat(restored.revisionAfter()).isEqualTo("2").isEqualTo(restored.backupRevision());
        assertThat(restored.oneTransaction()).isTrue();
        assertThat(restored.dropped()).containsExactly("public.refunds");
        assertThat(slipway().status().current()).hasToString("2");
    }

    @Test
    void aDirectoryFormatBackupDumpsAndRestoresWithTwoJobs() throws Exception {
        Map<String, String> before = shop.checksums();
        BackupResult made = slipway().backup(BackupRequest.wholeDatabase().withFormat(BackupFormat.DIRECTORY)
                .withJobs(2), BackupListener.NONE);
        BackupManifest manifest = made.backup().manifest();
        Path folder = made.backup().location();
        assertThat(folder.getFileName()).hasToString(manifest.id());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(manifest.files()).containsKey("toc.dat").hasSizeGreaterThan(4);
        for (Map.Entry<String, String> file : manifest.files().entrySet()) {
            Path path = folder.resolve(file.getKey());
            assertThat(sha256(path)).as(file.getKey()).isEqualTo(file.getValue());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        }
        assertThat(manifest.sha256()).isEqualTo(Sha256.combine(manifest.files()));
        assertThat(filesIn(backups)).containsExactlyInAnyOrder(manifest.id(), manifest.id() + ".json");

        shop.scribble();
        RestoreResult restored = slipway().restore(RestoreRequest.of(manifest.id(), shop.db().name()).withJobs(2),
                BackupListener.NONE);
        assertThat(restored.oneTransaction()).isFalse();
        assertThat(restored.dropped()).isEmpty();
        assertThat(shop.checksums()).isEqualTo(before);
    }

    @Test
    void aPartialBackupHoldsAndRestoresOnlyItsTables() throws Exception {
        BackupResult made = slipway().backup(BackupRequest.wholeDatabase()
                .withTables(List.of("public.\"Audit Log\"")), events::add);
        BackupManifest manifest = made.backup().manifest();
        assertThat(manifest.partial()).isTrue();
        assertThat(manifest.requestedTables()).containsExactly("public.\"Audit Log\"");
        assertThat(manifest.tables()).extracting(BackupTable::displayName).containsExactly("public.Audit Log");
        assertThat(events).noneSatisfy(event -> assertThat(event.toString()).contains("warning"));
        Map<String, String> before = shop.checksums();

        shop.scribble();
        shop.db().execute("create table notes (id int)");
        Map<String, String> changed = shop.checksums();
        RestoreResult restored = slipway().restore(RestoreRequest.of(manifest.id(), shop.db().name()),
                BackupListener.NONE);

        Map<String, String> after = new TreeMap<>(changed);
        after.put("public.\"Audit Log\"", before.get("public.\"Audit Log\""));
        assertThat(shop.checksums()).isEqualTo(after).isNotEqualTo(changed);
        assertThat(restored.partial()).isTrue();
        assertThat(restored.dropped()).isEmpty();
    }

    @Test
    void aPartialBackupOfTablesOthersDependOnWarnsAndItsRestoreChangesNothing() throws Exception {
        BackupResult made = slipway().backup(BackupRequest.wholeDatabase()
                .withTables(List.of("customers", "orders")), events::add);
        assertThat(made.backup().manifest().tables()).extracting(BackupTable::displayName)
                .containsExactly("public.customers", "public.orders");
        assertThat(events).contains(new BackupEvent.Step("warning: public.big_orders depends on public.orders, which"
                + " is not in the backup; a restore of it cannot replace that table (include both in --tables, or"
                + " back up everything)"));
        shop.scribble();
        Map<String, String> changed = shop.checksums();

        assertThatThrownBy(() -> slipway().restore(RestoreRequest.of(made.backup().id(), shop.db().name()),
                BackupListener.NONE)).isInstanceOfSatisfying(SlipwayException.class, e -> {
                    assertThat(e.status()).isEqualTo(ExitStatus.FAILED);
                    assertThat(e.getMessage()).contains("big_orders", "database: unchanged: the restore ran in one"
                            + " transaction", "back those up together");
                });
        assertThat(shop.checksums()).isEqualTo(changed);
    }

    @Test
    void verifyRestoreCountsEveryTableInAScratchDatabaseAndDropsIt() throws Exception {
        BackupResult made = slipway().backup(BackupRequest.wholeDatabase().withVerifyRestore(true), events::add);
        BackupManifest manifest = made.backup().manifest();
        assertThat(manifest.verification()).isEqualTo(Verification.RESTORED);
        assertThat(manifest.tables()).filteredOn(t -> t.name().equals("orders")).singleElement()
                .extracting(BackupTable::rows).isEqualTo(8000L);
        assertThat(manifest.tables()).filteredOn(t -> t.name().equals("Audit Log")).singleElement()
                .extracting(BackupTable::rows).isEqualTo(500L);
        assertThat(events).anySatisfy(event -> assertThat(event).isEqualTo(
                new BackupEvent.Step("verified: 5 tables have the same row counts in the restored copy")));
        assertThat(shop.db().queryLong("select count(*) from pg_database where datname like 'slipway_verify_%'"))
                .isZero();
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    static List<String> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
