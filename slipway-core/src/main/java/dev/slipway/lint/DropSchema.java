package dev.slipway.lint;

import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code DROP SCHEMA} deletes a schema and, with {@code CASCADE}, everything in it. */
final class DropSchema implements Rule {
    static final RuleInfo INFO = RuleInfo.of("drop-schema", Severity.ERROR,
            "DROP SCHEMA deletes a schema and, with CASCADE, every table in it",
            "DROP SCHEMA ... CASCADE drops every table, view, function and type in the schema with their data, under"
                    + " ACCESS EXCLUSIVE locks on each; without CASCADE it fails unless the schema is empty.",
            "Drop the schema's objects one by one in reviewed migrations, or, if the whole schema really goes, back"
                    + " up first and say why: -- slipway:allow drop-schema because <reason>.",
            "DROP SCHEMA reporting CASCADE;\n",
            "-- slipway:allow drop-schema because reporting moved to the warehouse; backup 2025-10-02 verified\n"
                    + "DROP SCHEMA reporting CASCADE;\n");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.Drop drop) || !drop.kind().equals("SCHEMA")) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (QualifiedName schema : drop.names()) {
            findings.add(context.finding(INFO, drop.statement().tokens().get(0), "DROP SCHEMA " + schema
                    + (drop.cascade() ? " CASCADE deletes every table in it with all their rows"
                    : " deletes the schema (and fails if anything is still in it)")));
        }
        return findings;
    }
}
