package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.SlipwayBuilder;
import dev.slipway.SlipwayException;
import dev.slipway.apply.ApplyEvent;
import dev.slipway.apply.RunnerLock;
import dev.slipway.backup.BackupListener;
import dev.slipway.backup.RestoreRequest;
import dev.slipway.db.Environment;
import dev.slipway.lint.Severity;
import dev.slipway.sandbox.Sandbox;
import dev.slipway.sandbox.TestSandboxes;
import dev.slipway.testkit.PostgresServers;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy} on a real server: the whole runbook in order, nothing touched when a check before migrating
 * refuses, and each rollback policy answering a failed migration or a check that fails after it.
 */
class DeployTest {
    @TempDir
    Path project;

    private TestDatabase db;
    private Path migrations;
    private Path hookLog;
    private final List<DeployEvent> events = new CopyOnWriteArrayList<>();
    private final List<ApplyEvent> applyEvents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createDatabaseAtVersionOne() throws Exception {
        db = PostgresServers.newDatabase(PostgresServers.defaultMajor(), "deploy");
        migrations = Files.createDirectories(project.resolve("db/migration"));
        hookLog = project.resolve("hooks.log");
        Files.writeString(migrations.resolve("V1__customers.sql"),
                "create table customers (id bigint primary key, name text not null);\n");
        Files.writeString(migrations.resolve("U1__customers.sql"), "drop table customers;\n");
        environment("none", false, List.of(), List.of());
        slipway().migrate();
        db.execute("insert into customers select i, 'customer ' || i from generate_series(1, 500) i");
    }

    @AfterEach
    void dropDatabase() {
        db.server().dropDatabase(db.name());
    }

    /** Writes slipway.toml with one environment, {@code staging}, on the test database. */
    private void environment(String rollback, boolean isProtected, List<String> before, List<String> after)
            throws IOException {
        Files.writeString(project.resolve("slipway.toml"), """
                [migrations]
                locations = ["%s"]

                [backup]
                directory = "%s"

                [verify]
                snapshot_directory = "%s"

                [environments.staging]
                url = "%s"
                protected = %s
                rollback = "%s"
                hooks.before = [%s]
                hooks.after = [%s]
                """.formatted(migrations, project.resolve("backups"), project.resolve(".slipway"),
                db.libpqUrl(), isProtected, rollback, quoted(before), quoted(after)));
    }

    private static String quoted(List<String> commands) {
        return String.join(", ", commands.stream().map(c -> "\"" + c.replace("\"", "\\\"") + "\"").toList());
    }

    private Slipway slipway() {
        Environment system = Environment.system();
        return Slipway.configure()
                .project(SlipwayBuilder.readConfig(project.resolve("slipway.toml"), true, system), "staging", system)
                .listener(applyEvents::add).load();
    }

    private DeployReport deploy(DeployOptions options) {
        return slipway().deploy(options, events::add);
    }

    private String logged(String command) {
        return "echo " + command + " >> " + hookLog;
    }

    private List<String> hookLines() throws IOException {
        return Files.exists(hookLog) ? Files.readAllLines(hookLog) : List.of();
    }

    private List<String> backupFiles() throws IOException {
        Path backups = project.resolve("backups");
        if (!Files.isDirectory(backups)) return List.of();
        try (Stream<Path> files = Files.list(backups)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** {@return the version the history says the database is at, as {@code status} reads it} */
    private String version() {
        return String.valueOf(slipway().status().current());
    }

    private boolean columnExists(String table, String column) throws SQLException {
        return db.queryLong("select count(*) from information_schema.columns where table_name = '" + table
                + "' and column_name = '" + column + "'") == 1;
    }

    private static List<String> stepNames(DeployReport report) {
        return report.steps().stream().map(DeployStep::name).toList();
    }

    @Test
    void aDeployRunsTheWholeRunbookInOrder() throws Exception {
        environment("restore", true, List.of(logged("before $SLIPWAY_DATABASE")),
                List.of(logged("after $SLIPWAY_OUTCOME")));
        Files.writeString(migrations.resolve("V2__email.sql"), "alter table customers add column email text;\n");
        Files.writeString(migrations.resolve("afterEachMigrate.sql"), "select 1;\n");

        DeployReport report = deploy(DeployOptions.defaults().withConfirmation(target -> target.database()));

        assertThat(report.outcome()).as("%s", report.failure()).isEqualTo(DeployReport.Outcome.DEPLOYED);
        assertThat(report.exitStatus()).isEqualTo(ExitStatus.OK);
        assertThat(report.failure()).isNull();
        // rollback by restore: maintenance on before the backup, so the restore cannot discard a later write
        assertThat(stepNames(report)).containsExactly("preflight", "plan", "confirm", "hooks.before", "backup",
                "snapshot", "migrate", "verify", "hooks.after");
        assertThat(report.steps()).allMatch(step -> step.status() == DeployStep.Status.DONE);
        assertThat(report.to()).hasToString("2");
        assertThat(report.applied()).hasSize(1);
        assertThat(columnExists("customers", "email")).isTrue();
        // the backup was taken before the migration: it holds revision 1
        assertThat(report.backupId()).matches(db.name() + "-1-\\d{8}T\\d{6}Z");
        assertThat(backupFiles()).contains(report.backupId() + ".dump", report.backupId() + ".json");
        assertThat(hookLines()).containsExactly("before " + db.name(), "after deployed");
        assertThat(report.verification().ok()).isTrue();
        assertThat(events).filteredOn(DeployEvent.HookOutput.class::isInstance).isEmpty();
        assertThat(events).filteredOn(DeployEvent.Started.class::isInstance).hasSize(report.steps().size());
        assertThat(applyEvents).filteredOn(ApplyEvent.Note.class::isInstance).map(e -> ((ApplyEvent.Note) e).text())
                .anySatisfy(note -> assertThat(note).contains("afterEachMigrate.sql is a Flyway callback script"));
    }

    @Test
    void aProtectedEnvironmentWithoutTheDatabaseNameIsRefusedBeforeAnythingIsTouched() throws Exception {
        environment("restore", true, List.of(logged("before")), List.of(logged("after")));
        Files.writeString(migrations.resolve("V2__email.sql"), "alter table customers add column email text;\n");

        assertThatThrownBy(() -> deploy(DeployOptions.defaults().withConfirmation(target -> "production")))
                .isInstanceOf(SlipwayException.class)
                .hasMessageContaining("the confirmation 'production' does not name the database")
                .satisfies(e -> assertThat(((SlipwayException) e).status()).isEqualTo(ExitStatus.USAGE));
        assertThatThrownBy(() -> deploy(DeployOptions.defaults()))
                .hasMessageContaining("needs a confirmation naming its database (" + db.name());

        assertThat(version()).isEqualTo("1");
        assertThat(columnExists("customers", "email")).isFalse();
        assertThat(backupFiles()).isEmpty();
        assertThat(hookLines()).isEmpty();
    }

    @Test
    void thePlanGateStopsADestructiveMigrationBeforeAnythingIsTouched() throws Exception {
        environment("restore", false, List.of(logged("before")), List.of(logged("after")));
        Files.writeString(migrations.resolve("V2__drop_name.sql"), "alter table customers drop column name;\n");

        DeployReport report = deploy(DeployOptions.defaults());

        assertThat(report.outcome()).as("%s", report.failure()).isEqualTo(DeployReport.Outcome.REFUSED);
        assertThat(report.exitStatus()).isEqualTo(ExitStatus.CHECK_FAILED);
        assertThat(stepNames(report)).containsExactly("preflight", "plan");
        assertThat(report.steps().get(1).status()).isEqualTo(DeployStep.Status.FAILED);
        assertThat(report.failure()).contains("drop-column at ").contains("V2__drop_name.sql:1")
                .contains("database: not touched, at version 1").contains("slipway:allow");
        assertThat(columnExists("customers", "name")).isTrue();
        assertThat(backupFiles()).isEmpty();
        assertThat(hookLines()).isEmpty();
    }

    @Test
    void nothingPendingIsUpToDateWithoutABackupOrHooks() throws Exception {
        environment("restore", false, List.of(logged("before")), List.of(logged("after")));
        // callbacks run with the next deploy that has migrations to apply, not on their own
        Files.writeString(migrations.resolve("afterMigrate.sql"), "select 1;\n");

        DeployReport report = deploy(DeployOptions.defaults());

        assertThat(report.outcome()).as("%s", report.failure()).isEqualTo(DeployReport.Outcome.UP_TO_DATE);
        assertThat(report.exitStatus()).isEqualTo(ExitStatus.OK);
        assertThat(report.to()).hasToString("1");
        assertThat(stepNames(report)).containsExactly("preflight", "plan");
        assertThat(backupFiles()).isEmpty();
        assertThat(hookLines()).isEmpty();
    }

    @Test
    void aFailedMigrationIsUndoneByRestoringTheBackupTakenFirst() throws Exception {
        // the application's last write happens as maintenance begins: the backup, taken after it, must hold it
        environment("restore", false, List.of("psql -X -q -v ON_ERROR_STOP=1 -d '" + db.libpqUrl() + "' -c \"insert"
                + " into customers values (502, 'the last order before maintenance')\"", logged("before")),
                List.of(logged("after $SLIPWAY_OUTCOME")));
        Files.writeString(migrations.resolve("V2__email.sql"), "alter table customers add column email text;\n");
        Files.writeString(migrations.resolve("V3__broken.sql"), "update customers set name = name || '!'"
                + " where id > 0;\nselect 1 / 0;\n");
        db.execute("insert into customers values (501, 'after the data load')");

        DeployReport report = deploy(DeployOptions.defaults());

        assertThat(report.outcome()).as("%s", report.failure()).isEqualTo(DeployReport.Outcome.ROLLED_BACK);
        assertThat(report.exitStatus()).isEqualTo(ExitStatus.ROLLED_BACK);
        assertThat(stepNames(report)).containsExactly("preflight", "plan", "confirm", "hooks.before", "backup",
                "snapshot", "migrate", "rollback", "hooks.after");
        assertThat(report.failure()).contains("migrate failed: ").contains("division by zero")
                .contains("V3__broken.sql").contains("restored from backup " + report.backupId())
                .contains("at version 1 as before the deploy");
        assertThat(report.to()).hasToString("1");
        assertThat(version()).isEqualTo("1");
        assertThat(columnExists("customers", "email")).isFalse();
        assertThat(db.queryLong("select count(*) from customers")).isEqualTo(502);
        assertThat(db.queryLong("select count(*) from customers where name = 'the last order before maintenance'"))
                .as("the write made before maintenance survives the rollback").isEqualTo(1);
        assertThat(hookLines()).containsExactly("before", "after rolled-back");
        assertThat(slipway().history()).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("restore");
            assertThat(entry.detail()).contains("restored backup " + report.backupId(), "the rollback of a deploy"
                    + " whose migrate failed: ", "V3__broken.sql failed: ERROR: division by zero");
        });
    }

    @Test
    void aFailedMigrationIsUndoneByDownMigrationsWhenThePolicySaysDowngrade() throws Exception {
        environment("downgrade", false, List.of(), List.of());
        Files.writeString(migrations.resolve("V2__email.sql"), "alter table customers add column email text;\n");
        Files.writeString(migrations.resolve("U2__email.sql"), "alter table customers drop column email;\n");
        Files.writeString(migrations.resolve("V3__broken.sql"), "select 1 / 0;\n");
        Files.writeString(migrations.resolve("U3__broken.sql"), "select 1;\n");

        DeployReport report = deploy(DeployOptions.defaults().withBackup(false));

        assertThat(report.outcome()).as("%s", report.failure()).isEqualTo(DeployReport.Outcome.ROLLED_BACK);
        assertThat(report.backupId()).isNull();
        assertThat(report.steps()).filteredOn(step -> step.name().equals("backup"))
                .singleElement().extracting(DeployStep::status).isEqualTo(DeployStep.Status.SKIPPED);
        assertThat(report.failure()).contains("rolled back by down migrations to version 1");
        assertThat(version()).isEqualTo("1");
        assertThat(columnExists("customers", "email")).isFalse();
    }

    @Test
    void aDowngradePolicyWithAPendingMigrationThatHasNoDownIsRefusedBeforeAnythingIsTouched() throws Exception {
        environment("downgrade", false, List.of(logged("before")), List.of());
        Files.writeString(migrations.resolve("V2__email.sql"), "alter table customers add column email text;\n");

        assertThatThrownBy(() -> deploy(DeployOptions.defaults()))
                .isInstanceOf(SlipwayException.class)
                .hasMessageContaining("rolls back with down migrations, but " + migrations.resolve("V2__email.sql")
                        + " has none")
                .hasMessageContaining("database: not touched")
                .satisfies(e -> assertThat(((SlipwayException) e).status()).isEqualTo(ExitStatus.USAGE));
        assertThat(version()).isEqualTo("1");
        assertThat(backupFiles()).isEmpty();
        assertThat(hookLines()).isEmpty();
    }

    @Test
    void aDowngradeThatFailsIsReportedWithTheBackupToRestore() throws Exception {
        environment("downgrade", false, List.of(), List.of());
        Files.writeString(migrations.resolve("V2__email.sql"), "alter table customers add column email text;\n");
        Files.writeString(migrations.resolve("U2__email.sql"), "select 1 / 0;\n");
        Files.writeString(migrations.resolve("V3__broken.sql"), "select 1 / 0;\n");
        Files.writeString(migrations.resolve("U3__broken.sql"), "select 1;\n");

        DeployReport report = deploy(DeployOptions.defaults());

        assertThat(report.outcome()).as("%s", report.failure()).isEqualTo(DeployReport.Outcome.ROLLBACK_FAILED);
        assertThat(report.exitStatus()).isEqualTo(ExitStatus.FAILED);
        assertThat(report.failure()).contains("the rollback by down migrations failed too")
                .contains("slipway restore " + report.backupId());
        assertThat(report.to()).hasToString("2");
        assertThat(columnExists("customers", "email")).isTrue();
    }

    @Test
    void aCheckThatFailsOnlyAfterTheMigrationFailsTheDeploy() throws Exception {
        environment("none", false, List.of(), List.of());
        Files.createDirectories(project.resolve("checks"));
        Files.writeString(project.resolve("checks/customers.sql"),
                "-- every customer has a name\nselect id from customers where name = '';\n");
        Files.writeString(migrations.resolve("V2__blank.sql"), "update customers set name = '' where id = 7;\n");

        DeployReport report = deploy(DeployOptions.defaults());

        assertThat(report.outcome()).as("%s", report.failure()).isEqualTo(DeployReport.Outcome.VERIFY_FAILED);
        assertThat(report.exitStatus()).isEqualTo(ExitStatus.CHECK_FAILED);
        assertThat(report.failure()).contains("every customer has a name")
                .contains("rollback policy none: nothing was rolled back")
                .contains("slipway downgrade --to 1").contains("slipway restore " + report.backupId());
        assertThat(version()).isEqualTo("2");
    }

    @Test
    void aCheckThatFailedBeforeTheDeployDoesNotFailIt() throws Exception {
        environment("restore", false, List.of(), List.of());
        Files.createDirectories(project.resolve("checks"));
        Files.writeString(project.resolve("checks/customers.sql"),
                "-- no customer 3\nselect id from customers where id = 3;\n");
        Files.writeString(migrations.resolve("V2__email.sql"), "alter table customers add column email text;\n");

        DeployReport report = deploy(DeployOptions.defaults());

        assertThat(report.outcome()).as("%s", report.failure()).isEqualTo(DeployReport.Outcome.DEPLOYED);
        assertThat(report.verification().failed()).isEqualTo(1);
        assertThat(report.steps()).filteredOn(step -> step.name().equals("snapshot")).singleElement()
                .extracting(DeployStep::summary).asString().contains("1 check(s) already failing");
        assertThat(version()).isEqualTo("2");
    }

    @Test
    void aFailingBeforeHookStopsTheDeployAndTheAfterHooksStillRun() throws Exception {
        environment("restore", false, List.of(logged("maintenance on"), "echo cannot reach the load balancer;"
                + " exit 7", logged("never")), List.of(logged("maintenance off $SLIPWAY_OUTCOME")));
        Files.writeString(migrations.resolve("V2__email.sql"), "alter table customers add column email text;\n");

        DeployReport report = deploy(DeployOptions.defaults());

        assertThat(report.outcome()).as("%s", report.failure()).isEqualTo(DeployReport.Outcome.FAILED);
        assertThat(report.exitStatus()).isEqualTo(ExitStatus.FAILED);
        assertThat(report.failure()).contains("exited with 7").contains("cannot reach the load balancer")
                .contains("not touched by migrations, at version 1");
        assertThat(hookLines()).containsExactly("maintenance on", "maintenance off failed");
        assertThat(events).filteredOn(DeployEvent.HookOutput.class::isInstance).extracting(e ->
                ((DeployEvent.HookOutput) e).line()).containsExactly("cannot reach the load balancer");
        assertThat(version()).isEqualTo("1");
    }

    @Test
    void aBackupThatFailsAfterTheBeforeHooksRanStillRunsTheAfterHooks() throws Exception {
        environment("restore", false, List.of(logged("maintenance on")),
                List.of(logged("maintenance off $SLIPWAY_OUTCOME")));
        Files.writeString(project.resolve("backups"), "a file where the backup directory should be\n");
        Files.writeString(migrations.resolve("V2__email.sql"), "alter table customers add column email text;\n");

        DeployReport report = deploy(DeployOptions.defaults());

        assertThat(report.outcome()).as("%s", report.failure()).isEqualTo(DeployReport.Outcome.FAILED);
        assertThat(stepNames(report)).containsExactly("preflight", "plan", "confirm", "hooks.before", "backup",
                "hooks.after");
        assertThat(report.failure()).contains("the deploy stopped at the backup, before migrating: ");
        assertThat(hookLines()).as("the application is not left in maintenance")
                .containsExactly("maintenance on", "maintenance off failed");
        assertThat(version()).isEqualTo("1");
        assertThat(columnExists("customers", "email")).isFalse();
    }

    @Test
    void aSecondDeployIsRefusedWhileOneRunsAndTheLockIsFreeAfterwards() throws Exception {
        environment("restore", false, List.of(logged("before")), List.of());
        Files.writeString(migrations.resolve("V2__email.sql"), "alter table customers add column email text;\n");
        try (Connection other = db.connect()) {
            assertThat(RunnerLock.tryTakeDeployLock(other, "public")).isEmpty();

            assertThatThrownBy(() -> deploy(DeployOptions.defaults()))
                    .isInstanceOf(SlipwayException.class)
                    .hasMessageContaining("another deploy is running on this database: pid ")
                    .hasMessageContaining("database: not touched by this deploy");
            assertThat(version()).isEqualTo("1");
            assertThat(backupFiles()).isEmpty();
            assertThat(hookLines()).isEmpty();
        }

        assertThat(deploy(DeployOptions.defaults()).outcome()).isEqualTo(DeployReport.Outcome.DEPLOYED);
        try (Connection other = db.connect()) {
            assertThat(RunnerLock.tryTakeDeployLock(other, "public")).as("released after the deploy").isEmpty();
        }
    }

    @Test
    void aMigrateOrRestoreOnItsOwnCannotSlipBetweenADeploysBackupAndItsMigrate() throws Exception {
        // the before-hook holds the deploy after its backup until the test has tried the others
        Path started = project.resolve("hook-started");
        Path release = project.resolve("hook-release");
        environment("none", false, List.of("touch " + started + "; while [ ! -f " + release + " ]; do sleep 0.05;"
                + " done"), List.of());
        Files.writeString(project.resolve("slipway.toml"), Files.readString(project.resolve("slipway.toml"))
                + "\n[safety]\nlock_wait = \"300ms\"\n");
        Files.writeString(migrations.resolve("V2__email.sql"), "alter table customers add column email text;\n");
        CompletableFuture<DeployReport> deploying = CompletableFuture.supplyAsync(
                () -> deploy(DeployOptions.defaults()));
        try {
            waitFor(started);
            String backupId = backupFiles().stream().filter(f -> f.endsWith(".json")).findFirst().orElseThrow()
                    .replace(".json", "");

            assertThatThrownBy(() -> slipway().migrate())
                    .isInstanceOf(SlipwayException.class)
                    .hasMessageContaining("a deploy is running on this database: pid ")
                    .hasMessageContaining("database: not touched by this run")
                    .hasMessageContaining("next: wait for that deploy to finish");
            assertThatThrownBy(() -> slipway().restore(RestoreRequest.of(backupId, db.name()), BackupListener.NONE))
                    .isInstanceOf(SlipwayException.class)
                    .hasMessageContaining("a deploy is running on this database: pid ")
                    .hasMessageContaining("database: not touched by this restore");
            assertThat(version()).isEqualTo("1");
            assertThat(slipway().status().running()).as("status names the deploy").singleElement()
                    .satisfies(holder -> assertThat(holder.deploy()).isTrue());
        } finally {
            Files.writeString(release, "");
        }

        DeployReport report = deploying.get(60, TimeUnit.SECONDS);
        assertThat(report.outcome()).as("%s", report.failure()).isEqualTo(DeployReport.Outcome.DEPLOYED);
        assertThat(version()).isEqualTo("2");
        assertThat(slipway().migrate().applied()).as("free again after the deploy").isEmpty();
        assertThat(slipway().status().running()).isEmpty();
    }

    @Test
    void aDeployIsRefusedWhileAMigrateRunsOnItsOwn() throws Exception {
        environment("restore", false, List.of(logged("before")), List.of());
        Files.writeString(migrations.resolve("V2__email.sql"), "alter table customers add column email text;\n");
        try (Connection other = db.connect()) {
            assertThat(RunnerLock.tryTake(other, "public", RunnerLock.Role.ON_ITS_OWN)).isEmpty();

            assertThatThrownBy(() -> deploy(DeployOptions.defaults()))
                    .isInstanceOf(SlipwayException.class)
                    .hasMessageContaining("a Slipway run (migrate, downgrade, restore, stamp, baseline or repair) is"
                            + " running on this database: pid ")
                    .hasMessageContaining("database: not touched by this deploy");
            assertThat(backupFiles()).isEmpty();
            assertThat(hookLines()).isEmpty();
        }
        assertThat(version()).isEqualTo("1");
    }

    private static void waitFor(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) throw new AssertionError(file + " did not appear in 60 s");
            Thread.sleep(20);
        }
    }

    @Test
    void aTracedPlanGateLetsThroughARewriteWarningTheServerDoesNotBearOut() throws Exception {
        environment("none", false, List.of(), List.of());
        Files.writeString(migrations.resolve("V2__region.sql"), """
                create function default_region() returns text language sql stable as $$ select 'eu' $$;
                alter table customers add column region text default default_region();
                """);
        DeployOptions strict = DeployOptions.defaults().withFailOn(Severity.WARNING);

        DeployReport refused = deploy(strict);
        assertThat(refused.outcome()).isEqualTo(DeployReport.Outcome.REFUSED);
        assertThat(refused.failure()).contains("adding-column-rewrite at ");

        try (Sandbox sandbox = TestSandboxes.onServerOf(db)) {
            DeployReport traced = deploy(strict.withTrace(version -> sandbox));
            assertThat(traced.outcome()).as("%s", traced.failure()).isEqualTo(DeployReport.Outcome.DEPLOYED);
            assertThat(traced.plan().findings()).singleElement().satisfies(finding -> {
                assertThat(finding.rule()).isEqualTo("adding-column-rewrite");
                assertThat(finding.allowedBecause()).contains("saw no rewrite");
            });
        }
        assertThat(version()).isEqualTo("2");
        assertThat(columnExists("customers", "region")).isTrue();
    }

    @Test
    void aTracedPlanGateStopsAStatementThatFailsOnTheSchemaBeforeAnythingIsTouched() throws Exception {
        environment("restore", false, List.of(logged("maintenance on")), List.of(logged("maintenance off")));
        Files.writeString(migrations.resolve("V2__typo.sql"), "alter table customers add column email text;\n"
                + "create index customers_mail_idx on customers (mail);\n");

        try (Sandbox sandbox = TestSandboxes.onServerOf(db)) {
            DeployReport refused = deploy(DeployOptions.defaults().withTrace(version -> sandbox));

            assertThat(refused.outcome()).as("%s", refused.failure()).isEqualTo(DeployReport.Outcome.REFUSED);
            assertThat(refused.failure()).contains("will fail at ", "db/migration/V2__typo.sql:2: it failed on a"
                    + " scratch database", "database: not touched");
        }
        assertThat(backupFiles()).isEmpty();
        assertThat(hookLines()).isEmpty();
        assertThat(columnExists("customers", "email")).isFalse();
        assertThat(version()).isEqualTo("1");
    }

    @Test
    void aRestorePolicyWithoutADumpIsRefusedBeforeAnythingIsTouched() throws Exception {
        environment("restore", false, List.of(logged("before")), List.of());
        Files.writeString(project.resolve("slipway.toml"), Files.readString(project.resolve("slipway.toml"))
                .replace("[backup]\n", "[backup]\nformat = \"none\"\ncommand = \"true\"\n"));
        Files.writeString(migrations.resolve("V2__email.sql"), "alter table customers add column email text;\n");

        assertThatThrownBy(() -> deploy(DeployOptions.defaults()))
                .isInstanceOf(SlipwayException.class)
                .hasMessageContaining("[backup] format = \"none\" makes no dump to restore")
                .hasMessageContaining("database: not touched");
        assertThat(version()).isEqualTo("1");
        assertThat(hookLines()).isEmpty();
    }

    @Test
    void aHookThatRunsPastItsTimeoutIsStoppedAndFailsTheDeploy() throws Exception {
        environment("none", false, List.of("echo switching; sleep 60"), List.of(logged("after $SLIPWAY_OUTCOME")));
        Files.writeString(project.resolve("slipway.toml"), Files.readString(project.resolve("slipway.toml"))
                + "hooks.timeout = \"1s\"\n");
        Files.writeString(migrations.resolve("V2__email.sql"), "alter table customers add column email text;\n");
        long started = System.nanoTime();

        DeployReport report = deploy(DeployOptions.defaults());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not the hook's 60 s")
                .isLessThan(Duration.ofSeconds(30));
        assertThat(report.outcome()).as("%s", report.failure()).isEqualTo(DeployReport.Outcome.FAILED);
        assertThat(report.failure()).contains("`echo switching; sleep 60` was stopped after 1s (hooks.timeout);"
                + " its last lines: switching", "not touched by migrations, at version 1");
        assertThat(hookLines()).containsExactly("after failed");
        assertThat(version()).isEqualTo("1");
    }

    @Test
    void noBackupIsRefusedWhereTheRollbackRestoresIt() throws Exception {
        environment("restore", false, List.of(), List.of());
        Files.writeString(migrations.resolve("V2__email.sql"), "alter table customers add column email text;\n");

        assertThatThrownBy(() -> deploy(DeployOptions.defaults().withBackup(false)))
                .isInstanceOf(SlipwayException.class).hasMessageContaining("cannot deploy with --no-backup")
                .hasMessageContaining("database: not touched");
        assertThat(version()).isEqualTo("1");
    }
}
