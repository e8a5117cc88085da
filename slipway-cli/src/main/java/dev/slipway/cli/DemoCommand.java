package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.SlipwayBuilder;
import dev.slipway.SlipwayException;
import dev.slipway.ValidationReport;
import dev.slipway.apply.DowngradeResult;
import dev.slipway.apply.DowngradeTarget;
import dev.slipway.apply.MigrateResult;
import dev.slipway.apply.StatusEntry;
import dev.slipway.apply.StatusReport;
import dev.slipway.db.ConnectionSpec;
import dev.slipway.db.Environment;
import dev.slipway.db.Secret;
import dev.slipway.deploy.DeployOptions;
import dev.slipway.deploy.DeployReport;
import dev.slipway.embedded.PostgresBinaries;
import dev.slipway.embedded.PostgresServer;
import dev.slipway.embedded.TempFiles;
import dev.slipway.history.AuditEntry;
import dev.slipway.migration.Version;
import dev.slipway.sandbox.Sandbox;
import dev.slipway.verify.CheckResult;
import dev.slipway.verify.VerifyOptions;
import dev.slipway.verify.VerifyReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slipway demo}: a scripted tour on an embedded PostgreSQL with a sample recruiting database, showing what
 * Slipway does that a runbook does by hand.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Tour Slipway on an embedded PostgreSQL with a sample app database.")
final class DemoCommand extends BaseCommand {
    @Option(names = "--pg-version", paramLabel = "MAJOR", defaultValue = "15",
            description = "PostgreSQL major version to start (12-17; default ${DEFAULT-VALUE}).")
    int pgVersion;

    @Override
    public Integer call() throws SQLException, IOException {
        if (pgVersion < 12 || pgVersion > 17) {
            throw SlipwayException.badInput("PostgreSQL " + pgVersion + " is not supported", "--pg-version",
                    "pick a major version from 12 to 17");
        }
        if (PostgresBinaries.find(pgVersion).isEmpty()) {
            String found = PostgresBinaries.available().entrySet().stream()
                    .map(entry -> entry.getKey() + " (" + entry.getValue() + ")").collect(Collectors.joining(", "));
            throw SlipwayException.badInput("no PostgreSQL " + pgVersion + " server binaries on this machine; found: "
                    + (found.isEmpty() ? "none" : found), "--pg-version", "install postgresql-" + pgVersion
                    + " (Debian, Ubuntu), or run `mvn -B verify` once to fetch Maven Central's, or pick one found");
        }
        Output out = output();
        out.line("== Starting an embedded PostgreSQL " + pgVersion + " (a throwaway cluster in a temporary folder)");
        try (PostgresServer server = PostgresServer.start(pgVersion)) {
            server.createDatabase("recruiting");
            out.line("   " + server + ", database 'recruiting'");
            Slipway slipway = Slipway.configure()
                    .url(server.libpqUrl("recruiting"))
                    .locations("classpath:demo/migration")
                    .lockRetries(2)
                    .listener(out.listener())
                    .load();

            out.line("\n== slipway validate: names, duplicates, down migrations, SQL and directives");
            ValidationReport report = slipway.validate();
            out.line("   " + report.migrations() + " migrations, " + report.problems().size() + " problems");

            out.line("\n== slipway status on the empty database");
            printStatus(out, slipway.status());

            out.line("\n== slipway migrate --target 1: create the applications table with 20,000 rows");
            printMigrate(out, slipway.migrate(Version.parse("1")));

            // the embedded server doubles as the dev server: scratch databases for the trace and for drift
            ConnectionSpec devServer = new ConnectionSpec(server.host(), server.port(), "postgres",
                    PostgresServer.SUPERUSER, Optional.of(new Secret(server.password())), Map.of());
            out.line("\n== slipway plan --trace: what migrate would run next, annotated from the live database and"
                    + " traced on a scratch one");
            try (Sandbox sandbox = Sandbox.onDevServer(devServer)) {
                PlanText.write(slipway.plan(null, slipway.planOptions(), sandbox), true,
                        text -> text.lines().forEach(line -> out.line(line.isEmpty() ? "" : "   " + line)));
            }

            out.line("\n== Another session holds a lock on applications (think: a long report in a transaction)");
            try (Connection blocker = server.connect("recruiting"); Statement lock = blocker.createStatement()) {
                blocker.setAutoCommit(false);
                lock.execute("lock table applications in access share mode");
                lock.execute("select count(*) from applications");
                out.line("   slipway migrate: V2 needs ACCESS EXCLUSIVE; lock_timeout 2s, retried with backoff");
                try {
                    slipway.migrate();
                } catch (SlipwayException e) {
                    out.line("   failed cleanly, exit code " + e.status().code() + ":\n      "
                            + e.getMessage().replace("\n", "\n      "));
                }
                blocker.rollback();
            }

            out.line("\n== The other session is gone: slipway migrate again");
            printMigrate(out, slipway.migrate());
            printStatus(out, slipway.status());

            out.line("\n== slipway downgrade -1: run the newest down migration");
            DowngradeResult reverted = slipway.downgrade(new DowngradeTarget.Steps(1));
            out.line("   version " + reverted.from() + " -> " + reverted.to());

            out.line("\n== slipway upgrade head: and forward again");
            printMigrate(out, slipway.migrate());

            VerifyOptions verify = VerifyOptions.defaults()
                    .withCheck(slipway.driftCheck(version -> Sandbox.onDevServer(devServer)));
            out.line("\n== slipway verify: revision, integrity, and drift against the schema the migrations build");
            printVerify(out, slipway.verify(verify));

            out.line("\n== Someone adds a column by hand: alter table applications add column notes text");
            try (Connection manual = server.connect("recruiting"); Statement alter = manual.createStatement()) {
                alter.execute("alter table applications add column notes text");
            }
            out.line("   slipway verify --only drift:");
            printVerify(out, slipway.verify(verify.withOnly(List.of("drift"))));
            out.line("   (slipway diff --from migrations --to <url> --write turns it into a migration)");

            deploy(out, server);

            out.line("\n== slipway history: the audit trail");
            for (AuditEntry entry : slipway.history()) {
                out.line(String.format("   %-8s %-8s %-4s %s (%d ms)", entry.action(), entry.outcome(),
                        entry.version() == null ? "R" : entry.version(), entry.script(), entry.durationMs()));
            }
            out.line("\n== Done; the embedded server is stopped and removed.");
        }
        return ExitStatus.OK.code();
    }

    /**
     * Deploys a cleanup migration that deletes far more than it should, to a protected environment whose rollback
     * policy restores the backup the deploy takes first. Needs a pg_dump at least as new as the server; without one
     * the deploy stops at its backup, before anything is touched, and the tour goes on.
     */
    private void deploy(Output out, PostgresServer server) throws IOException, SQLException {
        out.line("\n== slipway deploy --env production: the whole runbook; V4 cleans up test data in batches");
        out.line("   (slipway.toml: protected = true, rollback = \"restore\", hooks that switch maintenance mode)");
        Path project = Files.createTempDirectory("slipway-demo-");
        try {
            Files.writeString(project.resolve("slipway.toml"), """
                    [backup]
                    directory = "%s"

                    [verify]
                    snapshot_directory = "%s"

                    [environments.production]
                    url = "%s"
                    protected = true
                    rollback = "restore"
                    hooks.before = ["echo maintenance on"]
                    hooks.after = ["echo maintenance off: $SLIPWAY_OUTCOME"]
                    """.formatted(project.resolve("backups"), project.resolve("snapshots"),
                    server.libpqUrl("recruiting")));
            Environment environment = Environment.system();
            Slipway slipway = Slipway.configure()
                    .project(SlipwayBuilder.readConfig(project.resolve("slipway.toml"), true, environment),
                            "production", environment)
                    .locations("classpath:demo/migration", "classpath:demo/deploy")
                    .listener(out.listener())
                    .load();
            BackupProgress backup = new BackupProgress(spec.commandLine().getOut(), options(), false);
            DeployReport report = slipway.deploy(DeployOptions.defaults().withConfirmation(target -> "recruiting"),
                    DeployText.progress(out, backup, "   "));
            DeployText.failedChecks(report).forEach(line -> out.line("   " + line));
            out.line("   " + DeployText.summary(report));
            if (report.failure() != null) out.line("      " + report.failure().replace("\n", "\n      "));
            try (Connection session = server.connect("recruiting"); Statement count = session.createStatement();
                 ResultSet rows = count.executeQuery("select count(*) from applications")) {
                rows.next();
                out.line("   applications holds " + rows.getLong(1) + " rows now");
            }
        } finally {
            TempFiles.deleteTree(project);
        }
    }

    private static void printMigrate(Output out, MigrateResult result) {
        out.line("   version " + (result.from() == null ? "none" : result.from()) + " -> " + result.to() + ", "
                + result.applied().size() + " applied");
    }

    private static void printVerify(Output out, VerifyReport report) {
        for (CheckResult result : report.results()) {
            out.line("   " + VerifyCommand.label(result.status()) + result.name() + ": " + result.summary());
            result.details().forEach(detail -> out.line("           " + detail));
        }
    }

    private static void printStatus(Output out, StatusReport status) {
        out.line("   current: " + (status.current() == null ? "none" : status.current()));
        for (StatusEntry entry : status.entries()) {
            out.line(String.format("   %-10s %-4s %s", entry.state().name().toLowerCase(),
                    entry.version() == null ? "R" : entry.version(), entry.script()));
        }
    }

}
