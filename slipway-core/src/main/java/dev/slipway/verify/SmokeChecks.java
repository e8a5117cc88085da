package dev.slipway.verify;

import dev.slipway.SlipwayException;
import dev.slipway.apply.PendingState;
import dev.slipway.apply.StatusEntry;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user's smoke checks: each query must return no rows, or one row of one {@code true}. Anything else fails the
 * check with the first rows it returned, which is what a query written as "find the bad rows" shows best.
 */
final class SmokeChecks implements VerifyCheck {
    static final String NAME = "smoke";
    private static final String SYNTAX_ERROR = "42601";
    private static final String QUERY_CANCELED = "57014";

    private final List<SmokeQuery> queries;

    SmokeChecks(List<SmokeQuery> queries) {
        this.queries = List.copyOf(queries);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> run(VerifyContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (SmokeQuery query : queries) {
            results.add(run(query, context).withSource(query.where()));
        }
        return results;
    }

    private static CheckResult run(SmokeQuery query, VerifyContext context) {
        if (query.migration() != null) {
            Optional<StatusEntry> entry = context.status().entries().stream()
                    .filter(e -> query.migration().equals(e.script())).findFirst();
            boolean applied = entry.map(e -> e.state() == PendingState.APPLIED || e.state() == PendingState.CHANGED)
                    .orElse(false);
            if (!applied) {
                return CheckResult.skipped(NAME, query.name(), query.migration() + " is not applied"
                        + entry.map(e -> " (" + e.state().name().toLowerCase(java.util.Locale.ROOT) + ")")
                        .orElse(""));
            }
        }
        Rows rows;
        try {
            rows = context.session().query(query.sql(), CheckResult.MAX_DETAILS);
        } catch (SQLException e) {
            if (SYNTAX_ERROR.equals(e.getSQLState())) {
                throw SlipwayException.badInput("the check query has a syntax error: " + firstLine(e), query.where(),
                        "not changed (checks run read-only)", "fix the query, try it in psql, then run"
                                + " `slipway verify` again");
            }
            if (QUERY_CANCELED.equals(e.getSQLState())) {
                return CheckResult.failed(NAME, query.name(), "did not finish within "
                        + context.session().statementTimeout().toMillis() + " ms ([verify] statement_timeout)",
                        List.of());
            }
            return CheckResult.failed(NAME, query.name(), "could not run: " + firstLine(e), List.of());
        }
        if (rows.isEmpty()) return CheckResult.passed(NAME, query.name(), "no rows");
        if (rows.values().size() == 1 && rows.columns().size() == 1 && !rows.more()) {
            Object value = rows.value(0, 0);
            if (Boolean.TRUE.equals(value)) return CheckResult.passed(NAME, query.name(), "true");
            if (value == null || value instanceof Boolean) {
                return CheckResult.failed(NAME, query.name(), "returned " + (value == null ? "NULL" : "false"),
                        List.of());
            }
        }
        String count = rows.more() ? "more than " + rows.values().size() : String.valueOf(rows.values().size());
        return CheckResult.failed(NAME, query.name(), "returned " + count + " row(s); a check passes with no rows or"
                + " one true", rows.describeAll());
    }

    /** The server's message without the {@code Position:} and hint lines the driver adds. */
    static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
