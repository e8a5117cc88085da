package dev.slipway.sql;

import java.util.List;
import java.util.Objects;

/**
 * A column as {@code CREATE TABLE} or {@code ALTER TABLE ... ADD COLUMN} defines it.
 *
 * @param at                the column name's token, for positions
 * @param name              the column name as the catalog stores it
 * @param type              its type
 * @param notNull           whether it says {@code NOT NULL} (or {@code PRIMARY KEY}, which implies it)
 * @param defaultExpression the tokens of its {@code DEFAULT} expression; empty when it has none
 * @param generated         whether and how its values are generated
 * @param primaryKey        whether it says {@code PRIMARY KEY}
 * @param unique            whether it says {@code UNIQUE}
 * @param references        the table a {@code REFERENCES} clause names, or null
 * @param check             whether it has a {@code CHECK} constraint
 */
public record ColumnDefinition(Token at, String name, TypeName type, boolean notNull, List<Token> defaultExpression,
                               Generated generated, boolean primaryKey, boolean unique, QualifiedName references,
                               boolean check) {

    /** Checks that the parts are present. */
    public ColumnDefinition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(generated, "generated");
        defaultExpression = List.copyOf(defaultExpression);
    }

    /** {@return whether the column has a {@code DEFAULT} clause} */
    public boolean hasDefault() {
        return !defaultExpression.isEmpty();
    }

    /** {@return the default expression's text, as readable SQL (whitespace normalised); empty when there is none} */
    public String defaultText() {
        return TokenText.join(defaultExpression);
    }

    /**
     * {@return whether the server fills the column of existing rows itself: a default, identity, serial or generated}
     */
    public boolean filledByServer() {
        return hasDefault() || generated != Generated.NONE || type.isSerial();
    }

    /** How a column's values are generated. */
    public enum Generated {
        /** Not generated. */
        NONE,
        /** {@code GENERATED ALWAYS | BY DEFAULT AS IDENTITY}: numbered from a sequence. */
        IDENTITY,
        /** {@code GENERATED ALWAYS AS (expression) STORED}: computed and stored on write. */
        STORED,
        /** {@code GENERATED ALWAYS AS (expression) VIRTUAL} (PostgreSQL 18): computed on read. */
        VIRTUAL
    }
}
