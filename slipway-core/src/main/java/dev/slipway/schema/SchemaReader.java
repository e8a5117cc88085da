package dev.slipway.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a database's catalog into a {@link SchemaModel}: one query per object kind for the whole database, whatever
 * the number of tables, on PostgreSQL 12 to 17.
 * <p>Reads in one snapshot and with an empty {@code search_path}, so that every name in a definition is
 * schema-qualified the same way whatever the caller's settings. On a connection in auto-commit mode it opens a
 * read-only REPEATABLE READ transaction of its own and rolls it back; inside the caller's transaction it changes
 * {@code search_path} for the duration of the call only. Stateless and thread-safe; the connection is not.
 */
public final class SchemaReader {
    private static final String USER_SCHEMAS = "select n.nspname, d.description,"
            + " case when n.nspname = 'public' then '{}'::text[] else "
            + Grants.column("n.nspacl", 'n', "n.nspowner") + " end as grants from pg_namespace n"
            + " left join pg_description d on d.objoid = n.oid and d.classoid = 'pg_namespace'::regclass"
            + " where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'"
            + " and n.nspname not like 'pg\\_temp\\_%'"
            + " and not exists (select from pg_depend e where e.classid = 'pg_namespace'::regclass"
            + " and e.objid = n.oid and e.deptype = 'e')";

    // Extensions in pg_catalog (plpgsql) belong to every database; the rest only when their schema is read.
    private static final String EXTENSIONS = "select x.extname, x.extversion, n.nspname from pg_extension x"
            + " join pg_namespace n on n.oid = x.extnamespace"
            + " where n.nspname = any($SCHEMAS) or n.nspname = 'pg_catalog'";

    // Aggregates are left out: pg_get_functiondef cannot print them.
    private static final String ROUTINES = "select n.nspname, p.proname,"
            + " pg_get_function_identity_arguments(p.oid) as arguments, p.prokind,"
            + " pg_get_function_result(p.oid) as result, l.lanname, p.provolatile,"
            + " pg_get_functiondef(p.oid) as definition, d.description, "
            + Grants.column("p.proacl", 'f', "p.proowner") + " as grants"
            + " from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_language l on l.oid = p.prolang"
            + " left join pg_description d on d.objoid = p.oid and d.classoid = 'pg_proc'::regclass"
            + " where p.prokind in ('f', 'p', 'w') and n.nspname = any($SCHEMAS)"
            + " and not exists (select from pg_depend e where e.classid = 'pg_proc'::regclass"
            + " and e.objid = p.oid and e.deptype = 'e')";

    private SchemaReader() {
    }

    /**
     * Reads the schemas {@code filter} selects.
     *
     * @param connection an open connection; left in the auto-commit mode and transaction state it had
     * @param filter     which schemas to read
     * @return the model
     * @throws SQLException when a catalog query fails (for example, no permission to read the catalog)
     */
    public static SchemaModel read(Connection connection, SchemaFilter filter) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        String searchPath = null;
        if (autoCommit) {
            connection.setAutoCommit(false);
            execute(connection, "set transaction isolation level repeatable read, read only");
        } else {
            searchPath = queryString(connection, "select current_setting('search_path')");
        }
        SQLException failure = null;
        try {
            setSearchPath(connection, "");
            return readAll(connection, filter);
        } catch (SQLException | RuntimeException e) {
            if (e instanceof SQLException sql) failure = sql;
            throw e;
        } finally {
            try {
                if (autoCommit) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                } else {
                    setSearchPath(connection, searchPath);
                }
            } catch (SQLException e) {
                if (failure == null) throw e;
                failure.addSuppressed(e);
            }
        }
    }

    private static SchemaModel readAll(Connection connection, SchemaFilter filter) throws SQLException {
        List<Schema> schemas = readSchemas(connection, filter);
        Catalog catalog = new Catalog(connection, schemas.stream().map(Schema::schemaName).toList());
        RelationParts parts = RelationParts.read(catalog);
        return new SchemaModel(schemas, extensions(catalog), TypeQueries.enums(catalog),
                TypeQueries.domains(catalog), TypeQueries.composites(catalog, parts),
                RelationQueries.sequences(catalog), RelationQueries.tables(catalog, parts),
                RelationQueries.views(catalog, parts), routines(catalog));
    }

    private static List<Schema> readSchemas(Connection connection, SchemaFilter filter) throws SQLException {
        List<Schema> schemas = new ArrayList<>();
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(USER_SCHEMAS)) {
            while (rows.next()) {
                String name = rows.getString("nspname");
                if (filter.includes(name)) {
                    schemas.add(new Schema(name, rows.getString("description"), Catalog.strings(rows, "grants")));
                }
            }
        }
        return schemas;
    }

    private static List<Extension> extensions(Catalog catalog) throws SQLException {
        List<Extension> extensions = new ArrayList<>();
        catalog.each(EXTENSIONS, row -> extensions.add(new Extension(row.getString("extname"),
                row.getString("extversion"), row.getString("nspname"))));
        return extensions;
    }

    private static List<Routine> routines(Catalog catalog) throws SQLException {
        List<Routine> routines = new ArrayList<>();
        catalog.each(ROUTINES, row -> {
            boolean procedure = row.getString("prokind").equals("p");
            routines.add(new Routine(row.getString("nspname"), row.getString("proname"), row.getString("arguments"),
                    procedure, procedure ? null : row.getString("result"), row.getString("lanname"),
                    Routine.volatilityWord(row.getString("provolatile")), row.getString("definition"),
                    row.getString("description"), Catalog.strings(row, "grants")));
        });
        return routines;
    }

    private static void setSearchPath(Connection connection, String value) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("select set_config('search_path', ?, true)")) {
            set.setString(1, value);
            set.execute();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
