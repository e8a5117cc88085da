package dev.slipway.cli;

import dev.slipway.DiffReport;
import dev.slipway.ExitStatus;
import dev.slipway.SchemaSource;
import dev.slipway.Slipway;
import dev.slipway.db.Environment;
import dev.slipway.migration.Scaffold;
import dev.slipway.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway diff --from A --to B [--write]}: two schemas compared, with the DDL between them. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compare two schemas, each a database URL or the word migrations (the schema the migration"
                + " files produce, built in a scratch database), and print the differences and the DDL that turns"
                + " --from into --to. Reads only, unless --write. Exit 0 whether or not they differ.")
final class DiffCommand extends BaseCommand {
    @Option(names = "--from", required = true, paramLabel = "URL|migrations", description = "The schema as it is.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "URL|migrations",
            description = "The schema as it should be.")
    String to;

    @Option(names = "--write", description = "Save the DDL as a new V file (and its reverse as the U file) in the"
            + " first migrations location, numbered like `slipway new`.")
    boolean write;

    @Option(names = "--description", paramLabel = "TEXT", defaultValue = "schema diff",
            description = "What the written migration does, for its file name (default: ${DEFAULT-VALUE}).")
    String description;

    @Override
    public Integer call() {
        Environment environment = Environment.system();
        SchemaSource first = SchemaSource.parse(from, "--from", environment);
        SchemaSource second = SchemaSource.parse(to, "--to", environment);
        if (write) Slipway.requireWritableFrom(first);
        Slipway slipway = slipway();
        DiffReport report = slipway.diff(first, second, version -> {
            Sandbox sandbox = sandbox(version);
            output().progress("building the schema of the migrations in " + sandbox);
            return sandbox;
        });
        List<Path> written = List.of();
        // differences that no statement expresses (say, only a column order) would give an empty migration
        if (write && !report.forward().isEmpty()) {
            Scaffold.Written files = slipway.writeMigration(report, description);
            written = files.files();
        }
        if (output().json()) {
            output().document(json(report, written));
            return ExitStatus.OK.code();
        }
        if (report.same()) {
            output().line("no differences: " + report.objectsCompared() + " objects compared between "
                    + report.from() + " and " + report.to() + (write ? "; nothing written" : ""));
            return ExitStatus.OK.code();
        }
        output().line(report.differences().size() + " difference(s) from " + report.from() + " to " + report.to()
                + ":");
        report.differences().forEach(difference -> output().line("  " + difference.describe()));
        output().line("");
        output().line("-- DDL that turns " + report.from() + " into " + report.to() + ":");
        String ddl = report.forward().text();
        output().line(ddl.isEmpty() ? "-- (no statement: see the differences above)" : ddl.stripTrailing());
        for (Path file : written) output().line("wrote " + file);
        if (write && written.isEmpty()) output().line("nothing written: no statement expresses these differences");
        return ExitStatus.OK.code();
    }

    private static Map<String, Object> json(DiffReport report, List<Path> written) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", report.from());
        json.put("to", report.to());
        json.put("same", report.same());
        json.put("objectsCompared", report.objectsCompared());
        json.put("differences", SchemaDifferencesJson.differences(report.differences()));
        json.put("ddl", SchemaDifferencesJson.ddl(report.forward()));
        json.put("undo", SchemaDifferencesJson.ddl(report.backward()));
        json.put("written", written.stream().map(Path::toString).toList());
        return json;
    }
}
