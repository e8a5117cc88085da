package dev.slipway.apply;

import dev.slipway.migration.CallbackScript;
import dev.slipway.migration.MigrationFormatException;
import dev.slipway.migration.MigrationScript;
import dev.slipway.migration.MigrationSet;
import dev.slipway.migration.Problem;
import dev.slipway.migration.ProblemType;
import dev.slipway.migration.ResolvedMigration;
import dev.slipway.migration.ScriptSource;
import dev.slipway.sql.SqlScript;
import dev.slipway.sql.SqlSyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads every script of a set the way a run would, without a database: SQL that cannot be split, bad directives. */
public final class ScriptCheck {
    /** Plans as for the newest server; statements that became transactional over time are not mistakes. */
    static final int NEWEST_MAJOR = 17;

    private ScriptCheck() {
    }

    /** {@return the problems of every script; empty when all can be planned} */
    public static List<Problem> check(MigrationSet set) {
        List<ResolvedMigration> all = new ArrayList<>();
        set.versionedAscending().forEach(v -> {
            all.add(v.migration());
            v.undo().ifPresent(all::add);
        });
        all.addAll(set.repeatables());
        all.addAll(set.baselines());
        List<Problem> problems = new ArrayList<>();
        for (ResolvedMigration migration : all) {
            if (migration instanceof MigrationScript script) check(script.location(), script.source(), false, problems);
        }
        for (CallbackScript.Event event : CallbackScript.Event.values()) {
            for (CallbackScript callback : set.callbacks(event)) {
                check(callback.location(), callback.source(), true, problems);
            }
        }
        return problems;
    }

    /** What to do with a callback that cannot run in one transaction. */
    static final String CALLBACK_FIX = "move what cannot run in a transaction to a migration, or to hooks.before /"
            + " hooks.after of the environment";

    /** {@return why a callback with these steps is refused: it runs in one transaction, and they cannot} */
    static String notInOneTransaction(String location, StepPlanner.Planned planned) {
        return location + " cannot run in one transaction (" + planned.whyNotOneTransaction() + "), and a callback"
                + " runs in one";
    }

    /** Plans one script as a run would; a callback must also run in one transaction. */
    private static void check(String location, ScriptSource source, boolean callback, List<Problem> problems) {
        try {
            StepPlanner.Planned planned = StepPlanner.plan(location, SqlScript.parse(source.text()), NEWEST_MAJOR);
            if (callback && planned.whyNotOneTransaction() != null) {
                problems.add(new Problem(ProblemType.SCRIPT, notInOneTransaction(location, planned),
                        List.of(location), CALLBACK_FIX));
            }
        } catch (MigrationFormatException e) {
            problems.add(new Problem(ProblemType.SCRIPT, e.getMessage(), List.of(location), "fix " + e.where()));
        } catch (SqlSyntaxException e) {
            problems.add(new Problem(ProblemType.SCRIPT, location + ":" + e.line() + ": " + e.getMessage(),
                    List.of(location), "fix " + location + ":" + e.line()));
        } catch (IOException | UncheckedIOException e) {
            problems.add(new Problem(ProblemType.SCRIPT, location + ": " + e.getMessage(), List.of(location),
                    "save " + location + " as UTF-8"));
        }
    }
}
