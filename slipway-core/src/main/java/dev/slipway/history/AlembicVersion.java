package dev.slipway.history;

import dev.slipway.db.PgIdentifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Alembic's {@code alembic_version}, which holds the revision (or, with branches, the revisions) an
 * Alembic-managed database is at. Alembic's revisions are ids of Python files, not versions of SQL files, so they
 * cannot be adopted row by row as Flyway's history is: a baseline names the Slipway version they correspond to, and
 * records the Alembic revision beside it. Stateless.
 */
public final class AlembicVersion {
    /** The table Alembic keeps its revision in. */
    public static final String TABLE = "alembic_version";

    private AlembicVersion() {
    }

    /** {@return the revisions recorded in {@code schema.alembic_version}, sorted; none when there is no such table} */
    public static List<String> read(Connection connection, String schema) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(
                "select 1 from pg_catalog.pg_tables where schemaname = ? and tablename = ?")) {
            exists.setString(1, schema);
            exists.setString(2, TABLE);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) return List.of();
            }
        }
        List<String> revisions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select version_num from "
                + PgIdentifiers.qualified(schema, TABLE) + " order by 1");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) revisions.add(rows.getString(1));
        }
        return revisions;
    }
}
