package dev.slipway.cli;

import dev.slipway.lint.Finding;
import dev.slipway.lint.PlanReport;
import dev.slipway.lint.TableSize;
import dev.slipway.migration.CallbackScript;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A plan as text that is itself SQL: each statement as it would run, preceded by comments that say what it locks,
 * how big the table is, how long it blocks others, what the rules found and what today's rows predict.
 */
final class PlanText {
    private PlanText() {
    }

    static void write(PlanReport plan, boolean quiet, Consumer<String> out) {
        long callbacks = plan.migrations().stream().filter(m -> CallbackScript.isCallback(m.script())).count();
        out.accept("-- slipway plan: " + (plan.migrations().size() - callbacks) + " pending migration(s)"
                + (callbacks == 0 ? "" : " and " + callbacks + " callback(s)") + " on PostgreSQL " + plan.server());
        for (PlanReport.Migration migration : plan.migrations()) {
            out.accept("");
            out.accept("-- " + migration.script() + " (" + (CallbackScript.isCallback(migration.script())
                    ? "Flyway callback, runs on every migrate; " : "") + migration.how() + ")");
            migration.findings().forEach(f -> finding(f, quiet, out));
            for (PlanReport.Step step : migration.statements()) {
                out.accept("-- line " + step.line() + ": " + impact(step));
                if (step.observed() != null) out.accept("-- traced: " + traced(step.observed()));
                step.findings().forEach(f -> finding(f, quiet, out));
                for (PlanReport.Prediction prediction : step.predictions()) {
                    out.accept("-- " + prediction(prediction));
                }
                out.accept(step.sql() + ";");
            }
        }
        out.accept("");
        List<PlanReport.Step> ranked = plan.rankedByBlocking();
        if (!ranked.isEmpty() && !ranked.get(0).blocking().isZero()) {
            out.accept("-- blocks others longest:");
            ranked.stream().filter(s -> !s.blocking().isZero()).limit(3).forEach(s -> out.accept("--   ~"
                    + seconds(s.blocking()) + "  " + s.script() + ":" + s.line() + "  " + firstLine(s.sql())));
        }
        out.accept("-- verdict: " + plan.verdict().name().toLowerCase(Locale.ROOT)
                + (plan.reasons().isEmpty() ? "" : ": " + String.join("; ", plan.reasons())));
    }

    private static String impact(PlanReport.Step step) {
        if (!step.modelled()) return "not modelled; judged by the rules only";
        StringBuilder text = new StringBuilder();
        for (PlanReport.RelationLock lock : step.locks()) {
            if (text.length() > 0) text.append(", ");
            text.append(lock.mode().sql()).append(" on ").append(lock.relation()).append(" (").append(size(lock.size()))
                    .append(")");
        }
        if (text.length() == 0) text.append("no table lock");
        text.append("; ").append(step.work().describe());
        text.append(step.rewrite() ? "; rewrite" : "");
        text.append(step.destructive() ? "; DESTRUCTIVE" : "");
        text.append("; blocks others ").append(step.blocking().isZero() ? "a moment at most"
                : "~" + seconds(step.blocking()));
        return text.toString();
    }

    /** {@return what the statement did on the scratch database, in words} */
    private static String traced(PlanReport.Observation observed) {
        String rewrites = observed.rewritten().isEmpty() ? "no rewrite"
                : "rewrote " + String.join(", ", observed.rewritten().stream().map(Object::toString).toList());
        return switch (observed.outcome()) {
            case RAN -> (observed.locks().isEmpty() ? "no lock on an existing relation"
                    : String.join(", ", observed.locks().stream().map(l -> l.mode().sql() + " on " + l.relation())
                    .toList())) + "; " + rewrites;
            case RAN_WITHOUT_TRANSACTION -> "ran outside a transaction (its locks are not seen); " + rewrites;
            case FAILED -> "FAILED on the scratch database: " + observed.detail();
            case SKIPPED -> observed.detail();
        };
    }

    private static String size(TableSize size) {
        if (size == null) return "new or not found";
        return String.format(Locale.ROOT, "%,d rows, %s", size.rows(), bytes(size.bytes()));
    }

    private static String bytes(long bytes) {
        if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        if (bytes >= 1L << 20) return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        return String.format(Locale.ROOT, "%d kB", Math.max(1, bytes / 1024));
    }

    private static String seconds(Duration duration) {
        if (duration.toMillis() < 1000) return duration.toMillis() + " ms";
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static void finding(Finding finding, boolean quiet, Consumer<String> out) {
        if (finding.allowed()) {
            out.accept("-- allowed [" + finding.rule() + "] " + finding.message() + " (because "
                    + finding.allowedBecause() + ")");
            return;
        }
        out.accept("-- " + finding.severity().id() + " [" + finding.rule() + "] " + finding.message());
        if (!quiet) out.accept("--   fix: " + finding.fix().replace("\n", "\n--   "));
    }

    private static String prediction(PlanReport.Prediction prediction) {
        return switch (prediction.outcome()) {
            case WILL_FAIL -> "WILL FAIL: " + prediction.detail() + "; " + prediction.check()
                    + (prediction.examples().isEmpty() ? "" : ", e.g. " + String.join("; ", prediction.examples()));
            case PASSES -> "checked " + prediction.check() + ": none" + (prediction.detail().isEmpty() ? ""
                    : " (" + prediction.detail() + ")");
            case NOT_CHECKED -> prediction.check() + ": " + prediction.detail();
        };
    }

    private static String firstLine(String sql) {
        String line = sql.lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
