package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import dev.slipway.schema.DdlPlan.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rebuilds a kept table whose target column order {@code ADD COLUMN} cannot reach (PostgreSQL appends columns and
 * never moves them). The old table's constraints and indexes are dropped first, so their names are free, together
 * with the foreign keys that point at it (other tables' foreign keys are dropped and added again by
 * {@link TableDdl}, and the views over it by {@link SchemaDdl}); then the table is renamed aside, created afresh with
 * the target's columns in order, its rows copied ({@code OVERRIDING SYSTEM VALUE}, so identity values are kept),
 * the sequences of its serial columns handed to the new columns, identity sequences set to continue where the old
 * ones stopped, the old table dropped, and the target's constraints, indexes, triggers, policies and comments
 * created on the new one.
 * <p>Not thread-safe; one instance per table.
 */
final class TableRebuild {
    private final DdlContext context;
    private final DdlPlan plan;
    private final TableDdl tables;

    TableRebuild(DdlContext context, TableDdl tables) {
        this.context = context;
        this.plan = context.plan();
        this.tables = tables;
    }

    /**
     * {@return why {@code old} cannot be rebuilt into {@code now}, as the end of a sentence ("... which this script
     * does not do for ..."), or {@code null} when it can}
     */
    static String obstacle(DdlContext context, Table old, Table now) {
        if (old.partitioned() || now.partitioned()) return "a partitioned table";
        if (old.partitionOf() != null || now.partitionOf() != null) return "a partition";
        boolean inherited = !old.inherits().isEmpty() || !now.inherits().isEmpty()
                || context.from().tables().stream().anyMatch(t -> t.inherits().contains(old.name()))
                || context.to().tables().stream().anyMatch(t -> t.inherits().contains(now.name()));
        if (inherited) return "a table in an inheritance tree";
        // A routine whose signature or SQL-standard body names the table depends on it and would block the drop.
        for (Routine routine : context.from().routines()) {
            String uses = routine.definition().contains("BEGIN ATOMIC") ? routine.definition()
                    : SchemaDdl.signature(routine);
            if (Mentions.names(uses, old.name())) {
                return "a table that " + ObjectSql.routineTarget(routine) + " depends on";
            }
        }
        for (Table other : context.from().tables()) {
            for (Column column : other.columns()) {
                String type = column.type().endsWith("[]") ? column.type().substring(0, column.type().length() - 2)
                        : column.type();
                if (type.equals(old.name())) {
                    return "a table whose row type column " + other.name() + "." + column.name() + " holds";
                }
            }
        }
        return null;
    }

    void emit(Table old, Table now) {
        dropParts(old);
        String aside = PgIdentifiers.qualified(old.schema(), old.tableName() + SchemaDdl.OLD_SUFFIX);
        plan.add(Phase.ALTER_TABLES, TableDdl.alter(old, "RENAME TO "
                + ObjectSql.quote(old.tableName() + SchemaDdl.OLD_SUFFIX)));
        // An identity sequence keeps its name when its table is renamed; the new column's sequence needs it.
        for (Column column : old.columns()) {
            Sequence sequence = identitySequence(context.from(), old, column);
            if (sequence != null) {
                plan.add(Phase.ALTER_TABLES, "ALTER SEQUENCE " + sequence.name() + " RENAME TO "
                        + ObjectSql.quote(sequence.sequenceName() + SchemaDdl.OLD_SUFFIX));
            }
        }
        // Forced row-level security would filter the owner's copy through the old policies.
        if (old.forceRowSecurity()) {
            plan.add(Phase.ALTER_TABLES, "ALTER TABLE " + aside + " NO FORCE ROW LEVEL SECURITY");
        }
        tables.createTable(now, Phase.ALTER_TABLES);
        copyRows(old, now, aside);
        // Switched on after the copy: the new table's policies come later in the script.
        tables.rowSecurity(now, Phase.ALTER_TABLES);
        for (Sequence sequence : context.from().sequences()) {
            if (sequence.identity() || sequence.ownedBy() == null) continue;
            boolean ownedHere = old.columns().stream().anyMatch(c -> owner(old, c).equals(sequence.ownedBy()));
            boolean keptHere = context.to().sequences().stream().anyMatch(s -> s.name().equals(sequence.name())
                    && !s.identity() && sequence.ownedBy().equals(s.ownedBy()));
            // Dropping the old table would drop the sequences its columns own.
            if (ownedHere && keptHere) {
                plan.add(Phase.ALTER_TABLES, "ALTER SEQUENCE " + sequence.name() + " OWNED BY "
                        + sequence.ownedBy());
            }
        }
        continueIdentities(old, now);
        boolean columnsLost = old.columns().stream().anyMatch(c -> now.column(c.columnName()).isEmpty());
        plan.add(Phase.ALTER_TABLES, new DdlStatement("DROP TABLE " + aside, columnsLost, true));
        tables.createParts(now);
        plan.warn("table " + now.name() + ": rebuilt to put its columns in the order " + String.join(", ",
                now.columnOrder()) + " (PostgreSQL cannot move a column); every row is copied into a new table"
                + " under an ACCESS EXCLUSIVE lock, which blocks reads and writes of the table while the copy and"
                + " the rebuilding of its indexes and constraints last");
    }

    /**
     * Drops, before anything else runs, what would block the rebuild or the rest of the script: the old table's
     * constraints and plain indexes (their names are needed for the new table's), foreign keys from dropped tables
     * to it, and triggers, policies and defaults naming a routine or enum that is replaced.
     */
    private void dropParts(Table old) {
        for (Table other : context.from().tables()) {
            if (other.name().equals(old.name())) continue;
            boolean removed = context.to().tables().stream().noneMatch(t -> t.name().equals(other.name()));
            for (Constraint constraint : other.constraints()) {
                if (removed && old.name().equals(constraint.references())) {
                    plan.add(Phase.DROP_FOREIGN_KEYS, TableDdl.alter(other, "DROP CONSTRAINT " + constraint.name()));
                }
            }
        }
        for (Constraint constraint : old.constraints()) {
            Phase phase = constraint.type() == ConstraintType.FOREIGN_KEY ? Phase.DROP_FOREIGN_KEYS
                    : Phase.DROP_CONSTRAINTS;
            plan.add(phase, TableDdl.alter(old, "DROP CONSTRAINT " + constraint.name()));
        }
        for (Index index : old.indexes()) {
            if (index.constraint() == null) {
                plan.add(Phase.DROP_CONSTRAINTS, "DROP " + ObjectSql.indexTarget(old.schema(), index));
            }
        }
        for (Trigger trigger : old.triggers()) {
            if (context.namesRebuilt(trigger.definition())) {
                plan.add(Phase.DROP_TABLE_PARTS, "DROP TRIGGER " + trigger.name() + " ON " + old.name());
            }
        }
        for (Policy policy : old.policies()) {
            if (context.namesRebuilt(policy.using()) || context.namesRebuilt(policy.withCheck())) {
                plan.add(Phase.DROP_TABLE_PARTS, "DROP POLICY " + policy.name() + " ON " + old.name());
            }
        }
        for (Column column : old.columns()) {
            if (column.defaultExpression() != null && context.namesRebuilt(column.defaultExpression())) {
                plan.add(Phase.DROP_TABLE_PARTS, TableDdl.alter(old, "ALTER COLUMN " + column.name()
                        + " DROP DEFAULT"));
            }
        }
    }

    /** Copies the columns both tables have, converting those whose type changes; added columns take defaults. */
    private void copyRows(Table old, Table now, String aside) {
        List<String> targets = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        boolean lossy = false;
        for (Column column : now.columns()) {
            Column source = old.column(column.columnName()).orElse(null);
            if (source == null || column.generated() != null) continue;
            targets.add(column.name());
            if (tables.retyped(source, column)) {
                sources.add(tables.converted(now, source, column));
                lossy |= tables.lossy(source, column);
            } else {
                sources.add(column.name());
            }
        }
        if (targets.isEmpty()) {
            plan.warn("table " + now.name() + ": no column is kept by the rebuild, so its rows are not copied");
            return;
        }
        plan.add(Phase.ALTER_TABLES, new DdlStatement("INSERT INTO " + now.name() + " (" + String.join(", ", targets)
                + ") OVERRIDING SYSTEM VALUE\nSELECT " + String.join(", ", sources) + " FROM " + aside, lossy, true));
    }

    /**
     * Sets each identity sequence of the new table where the old column's sequence stood, or, for a column that
     * becomes an identity, after the largest copied value, so the next row does not reuse a key.
     */
    private void continueIdentities(Table old, Table now) {
        for (Column column : now.columns()) {
            if (column.identity() == null) continue;
            Column source = old.column(column.columnName()).orElse(null);
            if (source == null) continue;
            String sequence = "pg_get_serial_sequence(" + ObjectSql.literal(now.name()) + ", "
                    + ObjectSql.literal(column.columnName()) + ")";
            Sequence previous = identitySequence(context.from(), old, source);
            if (previous != null) {
                plan.add(Phase.ALTER_TABLES, "SELECT setval(" + sequence + ", last_value, is_called) FROM "
                        + PgIdentifiers.qualified(previous.schema(), previous.sequenceName() + SchemaDdl.OLD_SUFFIX));
            } else {
                plan.add(Phase.ALTER_TABLES, "SELECT setval(" + sequence + ", max(" + column.name() + ")) FROM "
                        + now.name() + " HAVING max(" + column.name() + ") IS NOT NULL");
            }
        }
    }

    private static Sequence identitySequence(SchemaModel model, Table table, Column column) {
        if (column.identity() == null) return null;
        String owner = owner(table, column);
        return model.sequences().stream().filter(s -> s.identity() && Objects.equals(owner, s.ownedBy()))
                .findFirst().orElse(null);
    }

    private static String owner(Table table, Column column) {
        return table.name() + "." + column.name();
    }
}
