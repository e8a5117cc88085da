package dev.slipway.schema;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Schema and name of a relation or type, unquoted: how rows of one query find their owner read by another. */
record RelationKey(String schema, String name) {
    /** {@return the key in columns {@code nspname} and {@code relname} of {@code row}} */
    static RelationKey of(ResultSet row) throws SQLException {
        return new RelationKey(row.getString("nspname"), row.getString("relname"));
    }
}
