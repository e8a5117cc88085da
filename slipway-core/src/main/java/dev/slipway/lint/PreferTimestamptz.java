package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code timestamp} without time zone loses the offset of what is stored. */
final class PreferTimestamptz implements Rule {
    static final RuleInfo INFO = RuleInfo.of("prefer-timestamptz", Severity.ADVICE,
            "Use timestamptz instead of timestamp",
            "timestamp (without time zone) drops the UTC offset of what is stored: 21:00+02 and 21:00-06 are stored"
                    + " alike, and comparisons across time zones and daylight saving changes go wrong. timestamptz"
                    + " stores an instant and takes the same 8 bytes.",
            "Use timestamptz (timestamp with time zone).",
            "CREATE TABLE events (created_at timestamp NOT NULL DEFAULT now());\n",
            "CREATE TABLE events (created_at timestamptz NOT NULL DEFAULT now());\n")
            .squawk("prefer-timestamp-tz");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        List<Finding> findings = new ArrayList<>();
        for (DeclaredColumns.Declared declared : context.declaredColumns(command)) {
            if (declared.type().canonical().equals("timestamp")) {
                findings.add(context.finding(INFO, declared.type().at(), declared.name() + " is " + declared.type()
                        + ", which drops the time zone of what is stored", "use timestamptz"));
            }
        }
        return findings;
    }
}
