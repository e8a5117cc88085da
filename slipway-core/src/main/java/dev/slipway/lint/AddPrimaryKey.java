package dev.slipway.lint;

import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;

/** {@code ADD PRIMARY KEY} builds its index (and may scan for NULLs) while blocking reads and writes. */
final class AddPrimaryKey implements Rule {
    static final RuleInfo INFO = RuleInfo.of("add-primary-key", Severity.WARNING,
            "ADD PRIMARY KEY builds an index while blocking reads and writes",
            "ADD PRIMARY KEY (or ADD COLUMN ... PRIMARY KEY) takes an ACCESS EXCLUSIVE lock, sets the key columns"
                    + " NOT NULL (scanning the table when they were nullable) and builds the unique index over every"
                    + " row: reads and writes wait for all of it.",
            "Build the index with CREATE UNIQUE INDEX CONCURRENTLY, make the columns NOT NULL in two phases (see"
                    + " set-not-null), then ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX index_name.",
            "ALTER TABLE items ADD PRIMARY KEY (id);\n",
            "-- slipway:no-transaction\n"
                    + "CREATE UNIQUE INDEX CONCURRENTLY items_pk ON items (id);\n"
                    + "ALTER TABLE items ADD CONSTRAINT items_pk PRIMARY KEY USING INDEX items_pk;\n")
            .squawk("adding-serial-primary-key-field");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.AlterTable alter) || context.isNew(alter.table())) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.AddConstraint add
                    && add.constraint().kind() == TableConstraint.Kind.PRIMARY_KEY
                    && add.constraint().usingIndex() == null) {
                String columns = String.join(", ", add.constraint().columns());
                findings.add(context.finding(INFO, action.at(), "adding PRIMARY KEY (" + columns + ") to "
                        + alter.table() + " builds its index under an ACCESS EXCLUSIVE lock, blocking reads and"
                        + " writes", "CREATE UNIQUE INDEX CONCURRENTLY " + alter.table().name() + "_pkey ON "
                        + alter.table() + " (" + columns + "); then ALTER TABLE " + alter.table()
                        + " ADD CONSTRAINT " + alter.table().name() + "_pkey PRIMARY KEY USING INDEX "
                        + alter.table().name() + "_pkey;"));
            } else if (action instanceof AlterTableAction.AddColumn add && add.column().primaryKey()) {
                findings.add(context.finding(INFO, add.column().at(), "adding " + alter.table() + "."
                        + add.column().name() + " PRIMARY KEY fills and indexes every row under an ACCESS EXCLUSIVE"
                        + " lock, blocking reads and writes"));
            }
        }
        return findings;
    }
}
