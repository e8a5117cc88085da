package dev.slipway.cli;

import dev.slipway.DriftReport;
import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.sandbox.Sandbox;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code slipway drift}: the live database against the schema its applied migrations produce. */
@Command(name = "drift", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compare the live database with the schema its applied migrations produce, built in a scratch"
                + " database (--dev-url, or a local cluster of the target's major version); reads only. Exit 0 when"
                + " they match, 3 with one line per difference when they do not.")
final class DriftCommand extends BaseCommand {
    @Override
    public Integer call() {
        Slipway slipway = slipway();
        DriftReport report;
        try (Sandbox sandbox = sandbox(slipway.serverVersion())) {
            output().progress("building the schema of the applied migrations in " + sandbox);
            report = slipway.drift(sandbox);
        }
        if (output().json()) {
            output().document(json(report));
        } else {
            String at = report.version() == null ? "no version applied" : "version " + report.version();
            for (String note : report.notes()) output().line("note: " + note);
            if (report.drifted()) {
                output().line("drift: " + report.differences().size() + " difference(s) between " + report.database()
                        + " (" + at + ") and the schema of its migrations:");
                report.differences().forEach(difference -> output().line("  " + difference.describe()));
            } else {
                output().line("no drift: " + report.objectsCompared() + " objects compared (" + report.database()
                        + ", " + at + ")");
            }
        }
        return report.drifted() ? ExitStatus.CHECK_FAILED.code() : ExitStatus.OK.code();
    }

    private static Map<String, Object> json(DriftReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("database", report.database());
        json.put("version", report.version() == null ? null : report.version().toString());
        json.put("drift", report.drifted());
        json.put("objectsCompared", report.objectsCompared());
        json.put("differences", SchemaDifferencesJson.differences(report.differences()));
        json.put("notes", report.notes());
        json.put("builtOn", report.builtOn());
        return json;
    }
}
