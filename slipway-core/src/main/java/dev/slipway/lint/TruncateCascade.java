package dev.slipway.lint;

import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import java.util.List;
import java.util.stream.Collectors;

/** {@code TRUNCATE ... CASCADE} also empties every table that refers to the named ones. */
final class TruncateCascade implements Rule {
    static final RuleInfo INFO = RuleInfo.of("truncate-cascade", Severity.ERROR,
            "TRUNCATE ... CASCADE also empties every table with a foreign key to it",
            "TRUNCATE ... CASCADE empties the named tables and, recursively, every table whose foreign keys point"
                    + " at them, under ACCESS EXCLUSIVE locks on all of them; which tables that is depends on the"
                    + " schema at the time, not on what the migration says.",
            "Name every table to empty and leave CASCADE out, so TRUNCATE fails instead of reaching further than"
                    + " intended; better, DELETE only the rows that must go.",
            "TRUNCATE accounts CASCADE;\n",
            "-- slipway:allow truncate because the staging copy is reloaded nightly\n"
                    + "TRUNCATE staging_accounts, staging_account_emails;\n")
            .squawk("ban-truncate-cascade");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.Truncate truncate) || !truncate.cascade()) return List.of();
        return List.of(context.finding(INFO, truncate.statement().tokens().get(0), "TRUNCATE "
                + truncate.tables().stream().map(QualifiedName::toString).collect(Collectors.joining(", "))
                + " CASCADE also empties every table that has a foreign key to "
                + (truncate.tables().size() == 1 ? "it" : "them") + ", recursively"));
    }
}
