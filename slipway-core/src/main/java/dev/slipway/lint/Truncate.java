package dev.slipway.lint;

import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import java.util.List;
import java.util.stream.Collectors;

/** {@code TRUNCATE} without {@code CASCADE} empties the tables it names. */
final class Truncate implements Rule {
    static final RuleInfo INFO = RuleInfo.of("truncate", Severity.ERROR,
            "TRUNCATE deletes every row of the table",
            "TRUNCATE takes an ACCESS EXCLUSIVE lock and empties the table at once, without firing DELETE"
                    + " triggers; the rows are back only from a backup.",
            "Delete what must go with a DELETE ... WHERE that names it (batched with -- slipway:batch on a big"
                    + " table), or say why the table may be emptied: -- slipway:allow truncate because <reason>.",
            "TRUNCATE sessions;\n",
            "-- slipway:batch key=id size=5000\nDELETE FROM sessions WHERE expires_at < now();\n");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.Truncate truncate) || truncate.cascade()) return List.of();
        List<QualifiedName> existing = truncate.tables().stream().filter(t -> !context.isNew(t)).toList();
        if (existing.isEmpty()) return List.of();
        return List.of(context.finding(INFO, truncate.statement().tokens().get(0), "TRUNCATE deletes every row of "
                + existing.stream().map(QualifiedName::toString).collect(Collectors.joining(", "))));
    }
}
