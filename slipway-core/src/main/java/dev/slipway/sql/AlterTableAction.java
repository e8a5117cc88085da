package dev.slipway.sql;

/**
 * One action of an {@code ALTER TABLE} statement; a statement may hold several, separated by commas. Each action
 * knows its first token ({@link #at()}) so a finding can point at it.
 */
public sealed interface AlterTableAction {

    /** {@return the action's first token} */
    Token at();

    /**
     * {@code ADD [COLUMN] [IF NOT EXISTS] column}.
     *
     * @param at          the first token
     * @param column      the new column
     * @param ifNotExists whether it says {@code IF NOT EXISTS}
     */
    record AddColumn(Token at, ColumnDefinition column, boolean ifNotExists) implements AlterTableAction {
    }

    /**
     * {@code DROP [COLUMN] [IF EXISTS] column [CASCADE]}.
     *
     * @param at      the first token
     * @param column  the column
     * @param cascade whether it says {@code CASCADE}, which also drops views and constraints that use the column
     */
    record DropColumn(Token at, String column, boolean cascade) implements AlterTableAction {
    }

    /**
     * {@code ALTER [COLUMN] column [SET DATA] TYPE type [USING expression]}.
     *
     * @param at     the first token
     * @param column the column
     * @param type   the new type
     * @param using  whether it says how to convert ({@code USING})
     */
    record AlterColumnType(Token at, String column, TypeName type, boolean using) implements AlterTableAction {
    }

    /**
     * {@code ALTER [COLUMN] column SET NOT NULL}.
     *
     * @param at     the first token
     * @param column the column
     */
    record SetNotNull(Token at, String column) implements AlterTableAction {
    }

    /**
     * {@code ALTER [COLUMN] column DROP NOT NULL}.
     *
     * @param at     the first token
     * @param column the column
     */
    record DropNotNull(Token at, String column) implements AlterTableAction {
    }

    /**
     * {@code ALTER [COLUMN] column SET DEFAULT expression} or {@code DROP DEFAULT}: changes only the catalog.
     *
     * @param at     the first token
     * @param column the column
     */
    record ChangeDefault(Token at, String column) implements AlterTableAction {
    }

    /**
     * {@code ADD table_constraint}.
     *
     * @param at         the first token
     * @param constraint the constraint
     */
    record AddConstraint(Token at, TableConstraint constraint) implements AlterTableAction {
    }

    /**
     * {@code VALIDATE CONSTRAINT name}.
     *
     * @param at         the first token
     * @param constraint the constraint's name
     */
    record ValidateConstraint(Token at, String constraint) implements AlterTableAction {
    }

    /**
     * {@code DROP CONSTRAINT [IF EXISTS] name}.
     *
     * @param at         the first token
     * @param constraint the constraint's name
     */
    record DropConstraint(Token at, String constraint) implements AlterTableAction {
    }

    /**
     * {@code RENAME [COLUMN] column TO new_name}.
     *
     * @param at      the first token
     * @param column  the old name
     * @param newName the new name
     */
    record RenameColumn(Token at, String column, String newName) implements AlterTableAction {
    }

    /**
     * {@code RENAME TO new_name}.
     *
     * @param at      the first token
     * @param newName the table's new name
     */
    record RenameTable(Token at, String newName) implements AlterTableAction {
    }

    /**
     * {@code RENAME CONSTRAINT name TO new_name}.
     *
     * @param at         the first token
     * @param constraint the old name
     * @param newName    the new name
     */
    record RenameConstraint(Token at, String constraint, String newName) implements AlterTableAction {
    }

    /**
     * {@code ATTACH PARTITION name FOR VALUES ...}.
     *
     * @param at        the first token
     * @param partition the table attached
     */
    record AttachPartition(Token at, QualifiedName partition) implements AlterTableAction {
    }

    /**
     * {@code DETACH PARTITION name [CONCURRENTLY | FINALIZE]}.
     *
     * @param at           the first token
     * @param partition    the table detached
     * @param concurrently whether it says {@code CONCURRENTLY}
     */
    record DetachPartition(Token at, QualifiedName partition, boolean concurrently) implements AlterTableAction {
    }

    /**
     * An action that rewrites the whole table: {@code SET LOGGED}, {@code SET UNLOGGED}, {@code SET TABLESPACE},
     * {@code SET ACCESS METHOD}.
     *
     * @param at   the first token
     * @param what the action's keywords, e.g. {@code SET TABLESPACE}
     */
    record Rewrite(Token at, String what) implements AlterTableAction {
    }

    /**
     * Any other action ({@code OWNER TO}, {@code ENABLE TRIGGER}, {@code SET (fillfactor = 70)}, ...).
     *
     * @param at   the first token
     * @param what the action's first keywords, upper-cased
     */
    record Other(Token at, String what) implements AlterTableAction {
    }
}
