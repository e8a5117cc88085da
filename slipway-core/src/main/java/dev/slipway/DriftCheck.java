package dev.slipway;

import dev.slipway.db.ServerVersion;
import dev.slipway.sandbox.Sandbox;
import dev.slipway.schema.SchemaDifference;
import dev.slipway.verify.CheckResult;
import dev.slipway.verify.VerifyCheck;
import dev.slipway.verify.VerifyContext;
import java.util.List;
import java.util.function.Function;

/**
 * The drift part of {@code verify}: the live schema against the one its applied migrations produce, built in a
 * scratch database. The sandbox is opened only when the check runs, so {@code verify --only revision} starts no
 * cluster.
 */
final class DriftCheck implements VerifyCheck {
    /** The name {@code --only} selects it by. */
    static final String NAME = "drift";

    private final Slipway slipway;
    private final Function<ServerVersion, Sandbox> sandboxes;

    DriftCheck(Slipway slipway, Function<ServerVersion, Sandbox> sandboxes) {
        this.slipway = slipway;
        this.sandboxes = sandboxes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> run(VerifyContext context) {
        if (!context.status().historyTable()) {
            return List.of(CheckResult.skipped(NAME, "schema drift", "no Slipway history yet: no applied migrations"
                    + " to compare the schema with"));
        }
        DriftReport report;
        try (Sandbox sandbox = sandboxes.apply(slipway.serverVersion())) {
            report = slipway.drift(sandbox, context.status());
        } catch (SlipwayException e) {
            // no history, or a migration that fails on a scratch database: the check could not judge, which fails it
            return List.of(CheckResult.failed(NAME, "schema drift", "could not build the expected schema: "
                    + firstLine(e.getMessage()), List.of()));
        }
        if (!report.drifted()) {
            return List.of(CheckResult.passed(NAME, "schema drift", "no drift: " + report.objectsCompared()
                    + " objects compared with the schema of the applied migrations"));
        }
        List<String> lines = report.differences().stream().map(SchemaDifference::describe).toList();
        String more = lines.size() > CheckResult.MAX_DETAILS ? "; `slipway drift` lists them all" : "";
        return List.of(CheckResult.failed(NAME, "schema drift", lines.size() + " difference(s) from the schema of"
                + " the applied migrations" + more, lines));
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
