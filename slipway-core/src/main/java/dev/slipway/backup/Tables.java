package dev.slipway.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads tables from the catalog and counts their rows, on the caller's connection and transaction. Stateless. */
final class Tables {
    /**
     * The tables pg_dump writes rows of: ordinary tables (partitions included) outside the system schemas, except
     * those that belong to an extension.
     */
    private static final String USER_TABLES = "select n.nspname, c.relname from pg_catalog.pg_class c"
            + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
            + " where c.relkind = 'r' and n.nspname <> 'information_schema' and n.nspname !~ '^pg_'"
            + " and not exists (select 1 from pg_catalog.pg_depend d where d.classid = 'pg_catalog.pg_class'::regclass"
            + " and d.objid = c.oid and d.deptype = 'e')"
            + " order by 1, 2";

    private Tables() {
    }

    /** {@return every user table, by schema and name} */
    static List<BackupTable> all(Connection connection) throws SQLException {
        List<BackupTable> tables = new ArrayList<>();
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(USER_TABLES)) {
            while (rows.next()) {
                tables.add(new BackupTable(rows.getString(1), rows.getString(2), null));
            }
        }
        return tables;
    }

    /**
     * {@return the table {@code name} stands for, as PostgreSQL resolves it ({@code name}, {@code schema.name},
     * {@code "Quoted"}), or empty when there is no such table}
     */
    static Optional<BackupTable> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select n.nspname, c.relname"
                + " from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " where c.oid = pg_catalog.to_regclass(?) and c.relkind in ('r', 'p')")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new BackupTable(rows.getString(1), rows.getString(2), null))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            // to_regclass rejects malformed names (an unclosed quote); such a name names no table. Call this in
            // autocommit mode: the error would abort a surrounding transaction
            if ("42601".equals(e.getSQLState()) || "42602".equals(e.getSQLState())) return Optional.empty();
            throw e;
        }
    }

    /**
     * {@return "x references y" for each foreign key from a table outside {@code chosen} to one in it, and "v depends
     * on y" for each view outside it that reads one: {@code pg_restore --clean} cannot replace such a table}
     */
    static List<String> dependentsOutside(Connection connection, List<BackupTable> chosen) throws SQLException {
        List<String> dependents = new ArrayList<>();
        if (chosen.isEmpty()) return dependents;
        String[] names = chosen.stream().map(BackupTable::sqlName).toArray(String[]::new);
        try (PreparedStatement query = connection.prepareStatement("with chosen as ("
                + " select pg_catalog.to_regclass(n) as oid from unnest(?::text[]) n),"
                + " dependent as ("
                + " select c.conrelid as outside, c.confrelid as inside, ' references ' as how"
                + " from pg_catalog.pg_constraint c where c.contype = 'f'"
                + " union select r.ev_class, d.refobjid, ' depends on '"
                + " from pg_catalog.pg_depend d join pg_catalog.pg_rewrite r on r.oid = d.objid"
                + " where d.classid = 'pg_catalog.pg_rewrite'::regclass"
                + " and d.refclassid = 'pg_catalog.pg_class'::regclass and r.ev_class <> d.refobjid)"
                + " select distinct format('%s.%s', o.nspname, oc.relname) || d.how"
                + " || format('%s.%s', i.nspname, ic.relname)"
                + " from dependent d"
                + " join pg_catalog.pg_class oc on oc.oid = d.outside"
                + " join pg_catalog.pg_namespace o on o.oid = oc.relnamespace"
                + " join pg_catalog.pg_class ic on ic.oid = d.inside"
                + " join pg_catalog.pg_namespace i on i.oid = ic.relnamespace"
                + " where d.inside in (select oid from chosen) and d.outside not in (select oid from chosen)"
                + " order by 1")) {
            query.setArray(1, connection.createArrayOf("text", names));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    dependents.add(rows.getString(1));
                }
            }
        }
        return dependents;
    }

    /** {@return {@code tables} with their exact row counts ({@code ONLY}: a partition counts its own rows)} */
    static List<BackupTable> count(Connection connection, List<BackupTable> tables) throws SQLException {
        List<BackupTable> counted = new ArrayList<>();
        try (Statement query = connection.createStatement()) {
            for (BackupTable table : tables) {
                try (ResultSet rows = query.executeQuery("select count(*) from only " + table.sqlName())) {
                    rows.next();
                    counted.add(table.withRows(rows.getLong(1)));
                }
            }
        }
        return counted;
    }
}
