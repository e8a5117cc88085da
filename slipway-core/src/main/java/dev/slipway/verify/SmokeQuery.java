package dev.slipway.verify;

import java.util.Objects;

/**
 * One query of a smoke check file: it passes when it returns no rows, or one row of one {@code true}.
 *
 * @param where     {@code file:line} of the query
 * @param name      how reports name it: its leading comment, or its first line
 * @param sql       the query
 * @param migration the location of the migration whose check file holds it, or null for a file of the checks folder;
 *                  such a query runs only once its migration is applied
 */
record SmokeQuery(String where, String name, String sql, String migration) {
    SmokeQuery {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
    }
}
