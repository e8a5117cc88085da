package dev.slipway.verify;

import dev.slipway.apply.PendingState;
import dev.slipway.apply.StatusEntry;
import dev.slipway.apply.StatusReport;
import dev.slipway.migration.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The database is at the expected version: by default the newest migration on disk with nothing pending, or the
 * version given with {@code --expect}; and no migration is failed, partial, half reverted, changed, missing or out
 * of order. What {@code alembic current} and a look at the history table tell a person, as a verdict.
 */
final class RevisionCheck implements VerifyCheck {
    static final String NAME = "revision";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> run(VerifyContext context) {
        return List.of(check(context.status(), context.options().expect()));
    }

    /** {@return the verdict on {@code status}; {@code expect} null means the head, with nothing pending} */
    static CheckResult check(StatusReport status, Version expect) {
        Version head = status.entries().stream()
                .filter(e -> e.version() != null && e.state() != PendingState.MISSING)
                .map(StatusEntry::version)
                .max(Comparator.naturalOrder())
                .orElse(null);
        Version expected = expect != null ? expect : head;
        String expectedText = expected == null ? "none" : expected + (expect == null ? " (head)" : "");
        List<String> problems = new ArrayList<>();
        for (StatusEntry entry : status.entries()) {
            if (isProblem(entry, expect)) problems.add(describe(entry));
        }
        Version current = status.current();
        boolean atExpected = Objects.equals(current, expected);
        String at = "at " + (current == null ? "no version" : current);
        if (atExpected && problems.isEmpty()) {
            return CheckResult.passed(NAME, NAME, at + ", as expected" + (expect == null ? " (head, nothing pending)"
                    : ""));
        }
        String summary = at + (atExpected ? "" : ", expected " + expectedText)
                + (problems.isEmpty() ? "" : "; " + problems.size() + " migration(s) not as they should be");
        return CheckResult.failed(NAME, NAME, summary, problems);
    }

    /** Pending work counts against the head only up to the expected version: above it, it is meant to wait. */
    private static boolean isProblem(StatusEntry entry, Version expect) {
        return switch (entry.state()) {
            case APPLIED, BELOW_BASELINE -> false;
            case PENDING, OUTDATED -> expect == null
                    || entry.version() != null && entry.version().compareTo(expect) <= 0;
            case PARTIAL, REVERTING, FAILED, CHANGED, MISSING, OUT_OF_ORDER -> true;
        };
    }

    private static String describe(StatusEntry entry) {
        return entry.state().name().toLowerCase(Locale.ROOT).replace('_', '-') + " "
                + (entry.version() == null ? "R" : entry.version()) + " " + entry.script()
                + (entry.detail() == null ? "" : " (" + entry.detail() + ")");
    }
}
