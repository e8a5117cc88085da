package dev.slipway.lint;

import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code DROP TABLE} deletes a table and its rows. */
final class DropTable implements Rule {
    static final RuleInfo INFO = RuleInfo.of("drop-table", Severity.ERROR,
            "DROP TABLE deletes the table and every row in it",
            "DROP TABLE takes an ACCESS EXCLUSIVE lock, removes the table with its data, indexes and triggers, and"
                    + " (with CASCADE) the views and foreign keys that depend on it. Code that still reads or writes"
                    + " the table fails from that moment, and the data is back only from a backup.",
            "Remove every use of the table from the code and deploy that first; back up (slipway backup); then"
                    + " drop it in its own migration that says why: -- slipway:allow drop-table because <reason>.",
            "DROP TABLE legacy_invoices;\n",
            "-- slipway:allow drop-table because invoices moved to billing.invoices in release 41 (backup 2025-10-02)\n"
                    + "DROP TABLE legacy_invoices;\n")
            .squawk("ban-drop-table");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.Drop drop) || !drop.kind().equals("TABLE")) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (QualifiedName table : drop.names()) {
            if (context.isNew(table)) continue;
            findings.add(context.finding(INFO, drop.statement().tokens().get(0), "DROP TABLE " + table
                    + " deletes the table and all its rows" + (drop.cascade() ? ", and CASCADE also drops the views"
                    + " and foreign keys that depend on it" : "") + "; code that still uses it fails"));
        }
        return findings;
    }
}
