package dev.slipway.sql;

import java.util.List;
import java.util.Objects;

/**
 * What a statement does, in the few forms that matter for judging a migration: table and index changes,
 * destructive statements, statements that rewrite or lock a table, and transaction control. Every other statement
 * is {@link Unclassified} and passes through; classifying never fails on SQL it does not model.
 * <p>Names are spelled as the catalog stores them (see {@link Token#identifier()}). Immutable.
 */
public sealed interface SqlCommand {

    /** {@return the statement this was read from, with its text, tokens and position} */
    SqlStatement statement();

    /**
     * {@return what the statement does}
     * @param statement a statement from {@link SqlScript#parse(String)}
     */
    static SqlCommand of(SqlStatement statement) {
        return CommandClassifier.classify(statement);
    }

    /**
     * {@code CREATE TABLE}, including {@code CREATE TABLE ... AS} and {@code PARTITION OF}.
     *
     * @param statement   the statement
     * @param table       the new table
     * @param columns     its columns (empty for {@code AS} and {@code PARTITION OF})
     * @param constraints its table constraints
     * @param temporary   whether it is {@code TEMPORARY}
     */
    record CreateTable(SqlStatement statement, QualifiedName table, List<ColumnDefinition> columns,
                       List<TableConstraint> constraints, boolean temporary) implements SqlCommand {
        /** Copies the lists. */
        public CreateTable {
            Objects.requireNonNull(table, "table");
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
        }
    }

    /**
     * {@code ALTER TABLE} with its actions.
     *
     * @param statement the statement
     * @param table     the table
     * @param actions   the actions in order; never empty
     */
    record AlterTable(SqlStatement statement, QualifiedName table, List<AlterTableAction> actions)
            implements SqlCommand {
        /** Copies the actions. */
        public AlterTable {
            Objects.requireNonNull(table, "table");
            actions = List.copyOf(actions);
        }
    }

    /**
     * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON table}.
     *
     * @param statement    the statement
     * @param name         the index name, or null when the server chooses one
     * @param table        the indexed table
     * @param unique       whether it is {@code UNIQUE}
     * @param concurrently whether it says {@code CONCURRENTLY}
     * @param columns      the indexed columns when every element is a plain column and the index is not partial;
     *                     otherwise empty
     */
    record CreateIndex(SqlStatement statement, String name, QualifiedName table, boolean unique, boolean concurrently,
                       List<String> columns) implements SqlCommand {
        /** Copies the columns. */
        public CreateIndex {
            Objects.requireNonNull(table, "table");
            columns = List.copyOf(columns);
        }
    }

    /**
     * {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, ...]}.
     *
     * @param statement    the statement
     * @param indexes      the indexes
     * @param concurrently whether it says {@code CONCURRENTLY}
     */
    record DropIndex(SqlStatement statement, List<QualifiedName> indexes, boolean concurrently) implements SqlCommand {
        /** Copies the names. */
        public DropIndex {
            indexes = List.copyOf(indexes);
        }
    }

    /**
     * {@code REINDEX [(options)] {INDEX | TABLE | SCHEMA | DATABASE | SYSTEM} [CONCURRENTLY] name}.
     *
     * @param statement    the statement
     * @param kind         {@code INDEX}, {@code TABLE}, {@code SCHEMA}, {@code DATABASE} or {@code SYSTEM}
     * @param target       what is reindexed, or null when the statement names nothing
     * @param concurrently whether it rebuilds concurrently
     */
    record Reindex(SqlStatement statement, String kind, QualifiedName target, boolean concurrently)
            implements SqlCommand {
    }

    /**
     * {@code DROP <kind> [IF EXISTS] name [, ...] [CASCADE]} for every kind of object except indexes.
     *
     * @param statement the statement
     * @param kind      the kind of object, upper-cased, e.g. {@code TABLE}, {@code SCHEMA}, {@code MATERIALIZED VIEW}
     * @param names     the objects
     * @param cascade   whether it says {@code CASCADE}
     */
    record Drop(SqlStatement statement, String kind, List<QualifiedName> names, boolean cascade)
            implements SqlCommand {
        /** Copies the names. */
        public Drop {
            Objects.requireNonNull(kind, "kind");
            names = List.copyOf(names);
        }
    }

    /**
     * {@code TRUNCATE [TABLE] name [, ...] [CASCADE]}.
     *
     * @param statement the statement
     * @param tables    the tables
     * @param cascade   whether it says {@code CASCADE}
     */
    record Truncate(SqlStatement statement, List<QualifiedName> tables, boolean cascade) implements SqlCommand {
        /** Copies the names. */
        public Truncate {
            tables = List.copyOf(tables);
        }
    }

    /**
     * {@code [WITH ...] UPDATE table SET ... [WHERE ...]}.
     *
     * @param statement   the statement
     * @param table       the updated table
     * @param assignments the assigned targets in order, e.g. {@code a}, {@code a.x}, {@code a[1]}
     * @param hasWhere    whether it has a {@code WHERE} clause
     */
    record Update(SqlStatement statement, QualifiedName table, List<Assignment> assignments, boolean hasWhere)
            implements SqlCommand {
        /** Copies the assignments. */
        public Update {
            Objects.requireNonNull(table, "table");
            assignments = List.copyOf(assignments);
        }
    }

    /**
     * {@code [WITH ...] INSERT INTO table [(columns)] ...}.
     *
     * @param statement the statement
     * @param table     the table
     * @param columns   the target columns as listed, in the form of {@link Assignment}; empty when none are listed
     */
    record Insert(SqlStatement statement, QualifiedName table, List<Assignment> columns) implements SqlCommand {
        /** Copies the columns. */
        public Insert {
            Objects.requireNonNull(table, "table");
            columns = List.copyOf(columns);
        }
    }

    /**
     * One target of an {@code UPDATE ... SET} list or an {@code INSERT} column list.
     *
     * @param at     the target's first token
     * @param target the column as the catalog spells it, followed by any field or subscript as written, e.g.
     *               {@code a}, {@code a.x} or {@code a[1]}
     */
    record Assignment(Token at, String target) {
    }

    /**
     * {@code [WITH ...] DELETE FROM table [WHERE ...]}.
     *
     * @param statement the statement
     * @param table     the table
     * @param hasWhere  whether it has a {@code WHERE} clause
     */
    record Delete(SqlStatement statement, QualifiedName table, boolean hasWhere) implements SqlCommand {
    }

    /**
     * {@code VACUUM}, with or without {@code FULL}.
     *
     * @param statement the statement
     * @param full      whether it is {@code VACUUM FULL}, which rewrites each table
     * @param tables    the tables; empty means every table in the database
     */
    record Vacuum(SqlStatement statement, boolean full, List<QualifiedName> tables) implements SqlCommand {
        /** Copies the names. */
        public Vacuum {
            tables = List.copyOf(tables);
        }
    }

    /**
     * {@code CLUSTER [table [USING index]]}.
     *
     * @param statement the statement
     * @param table     the table, or null for every table clustered before
     */
    record Cluster(SqlStatement statement, QualifiedName table) implements SqlCommand {
    }

    /**
     * {@code REFRESH MATERIALIZED VIEW [CONCURRENTLY] name}.
     *
     * @param statement    the statement
     * @param view         the view
     * @param concurrently whether it says {@code CONCURRENTLY}
     */
    record RefreshMaterializedView(SqlStatement statement, QualifiedName view, boolean concurrently)
            implements SqlCommand {
    }

    /**
     * {@code LOCK [TABLE] name [, ...] [IN mode MODE]}.
     *
     * @param statement the statement
     * @param tables    the tables
     * @param mode      the lock mode ({@code ACCESS EXCLUSIVE} when none is given)
     */
    record LockTable(SqlStatement statement, List<QualifiedName> tables, LockMode mode) implements SqlCommand {
        /** Copies the names. */
        public LockTable {
            tables = List.copyOf(tables);
            Objects.requireNonNull(mode, "mode");
        }
    }

    /**
     * {@code ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'value' [BEFORE | AFTER 'other']}.
     *
     * @param statement  the statement
     * @param type       the enum type
     * @param positioned whether it says {@code BEFORE} or {@code AFTER}
     */
    record AddEnumValue(SqlStatement statement, QualifiedName type, boolean positioned) implements SqlCommand {
    }

    /**
     * {@code CREATE DOMAIN name [AS] type [constraints]}.
     *
     * @param statement   the statement
     * @param domain      the new domain
     * @param constrained whether it declares a constraint ({@code CHECK} or {@code NOT NULL})
     */
    record CreateDomain(SqlStatement statement, QualifiedName domain, boolean constrained) implements SqlCommand {
    }

    /**
     * {@code ALTER DOMAIN name ...}.
     *
     * @param statement      the statement
     * @param domain         the domain
     * @param addsConstraint whether it adds a constraint ({@code ADD CONSTRAINT} or {@code ADD CHECK})
     * @param notValid       whether the added constraint is {@code NOT VALID}
     */
    record AlterDomain(SqlStatement statement, QualifiedName domain, boolean addsConstraint, boolean notValid)
            implements SqlCommand {
    }

    /**
     * {@code BEGIN}, {@code COMMIT} or {@code ROLLBACK} and their synonyms.
     *
     * @param statement the statement
     * @param control   what it does to the transaction; never {@link TransactionControl#NONE}
     */
    record Transaction(SqlStatement statement, TransactionControl control) implements SqlCommand {
    }

    /**
     * Any statement not modelled above.
     *
     * @param statement the statement
     */
    record Unclassified(SqlStatement statement) implements SqlCommand {
    }
}
