package dev.slipway.sql;

import java.util.List;
import java.util.Objects;

/**
 * A table constraint as {@code CREATE TABLE} or {@code ALTER TABLE ... ADD} declares it.
 *
 * @param at         the constraint's first token, for positions
 * @param name       the constraint's name, or null when the server chooses one
 * @param kind       what kind of constraint it is
 * @param columns    the columns it constrains, in order (empty for {@code CHECK} and {@code EXCLUDE})
 * @param references for a foreign key, the referenced table; otherwise null
 * @param referencedColumns for a foreign key, the referenced columns when named (else the referenced table's
 *                   primary key); otherwise empty
 * @param expression for {@code CHECK}, the tokens inside its parentheses; otherwise empty
 * @param usingIndex for {@code UNIQUE/PRIMARY KEY USING INDEX}, the index it adopts; otherwise null
 * @param notValid   whether it says {@code NOT VALID}, i.e. existing rows are not checked now
 */
public record TableConstraint(Token at, String name, Kind kind, List<String> columns, QualifiedName references,
                              List<String> referencedColumns, List<Token> expression, String usingIndex,
                              boolean notValid) {

    /** Checks that the parts are present. */
    public TableConstraint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        expression = List.copyOf(expression);
    }

    /** {@return the {@code CHECK} expression's text, as readable SQL (whitespace normalised)} */
    public String expressionText() {
        return TokenText.join(expression);
    }

    /**
     * {@return the column a {@code CHECK (column IS NOT NULL)} constraint is about, or null for any other constraint}
     */
    public String notNullCheckColumn() {
        if (kind != Kind.CHECK || expression.size() != 4) return null;
        Token column = expression.get(0);
        if (!column.isIdentifier() || !expression.get(1).isKeyword("IS") || !expression.get(2).isKeyword("NOT")
                || !expression.get(3).isKeyword("NULL")) {
            return null;
        }
        return column.identifier();
    }

    /** The kinds of table constraints. */
    public enum Kind {
        /** {@code CHECK (expression)}. */
        CHECK,
        /** {@code UNIQUE (columns)}. */
        UNIQUE,
        /** {@code PRIMARY KEY (columns)}. */
        PRIMARY_KEY,
        /** {@code FOREIGN KEY (columns) REFERENCES table}. */
        FOREIGN_KEY,
        /** {@code EXCLUDE USING ...}. */
        EXCLUDE,
        /** {@code NOT NULL column} (PostgreSQL 18). */
        NOT_NULL
    }
}
