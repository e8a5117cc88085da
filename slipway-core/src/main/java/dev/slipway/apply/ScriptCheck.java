package dev.slipway.apply;

import dev.slipway.migration.MigrationFormatException;
import dev.slipway.migration.MigrationScript;
import dev.slipway.migration.MigrationSet;
import dev.slipway.migration.Problem;
import dev.slipway.migration.ProblemType;
import dev.slipway.migration.ResolvedMigration;
import dev.slipway.sql.SqlScript;
import dev.slipway.sql.SqlSyntaxException;
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
            if (!(migration instanceof MigrationScript script)) continue;
            try {
                StepPlanner.plan(script.location(), SqlScript.parse(Catalogs.read(script)), NEWEST_MAJOR);
            } catch (MigrationFormatException e) {
                problems.add(new Problem(ProblemType.SCRIPT, e.getMessage(), List.of(script.location()),
                        "fix " + e.where()));
            } catch (SqlSyntaxException e) {
                problems.add(new Problem(ProblemType.SCRIPT, script.location() + ":" + e.line() + ": "
                        + e.getMessage(), List.of(script.location()), "fix " + script.location() + ":" + e.line()));
            } catch (UncheckedIOException e) {
                problems.add(new Problem(ProblemType.SCRIPT, e.getMessage(), List.of(script.location()),
                        "save " + script.location() + " as UTF-8"));
            }
        }
        return problems;
    }
}
