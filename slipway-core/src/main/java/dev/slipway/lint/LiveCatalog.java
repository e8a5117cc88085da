package dev.slipway.lint;

import dev.slipway.db.PgIdentifiers;
import dev.slipway.sql.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the live database says about the relations a plan touches: sizes from {@code pg_class} and
 * {@code pg_stat_user_tables}, owners, primary keys, and constraints. Names resolve as the session's search path
 * resolves them. Each relation is looked up once. Not thread-safe; one per plan.
 */
final class LiveCatalog implements TableSizes {
    private final Connection session;
    private final Map<QualifiedName, Optional<TableSize>> sizes = new HashMap<>();
    private final Map<QualifiedName, Optional<Owner>> owners = new HashMap<>();

    LiveCatalog(Connection session) {
        this.session = session;
    }

    @Override
    public Optional<TableSize> of(QualifiedName relation) {
        return sizes.computeIfAbsent(relation, this::read);
    }

    private Optional<TableSize> read(QualifiedName relation) {
        // reltuples is -1 (12: 0) before the first ANALYZE; the statistics collector's live count fills in
        return one("select greatest(c.reltuples::bigint, coalesce(s.n_live_tup, 0), 0),"
                + " pg_total_relation_size(c.oid) from pg_class c left join pg_stat_all_tables s on s.relid = c.oid"
                + " where c.oid = to_regclass(?)", relation, rows -> new TableSize(rows.getLong(1), rows.getLong(2)));
    }

    /** Reads one row about a relation. */
    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** {@return what the first row of {@code sql}, given the relation's name, says; empty without a row or on error} */
    private <T> Optional<T> one(String sql, QualifiedName relation, Row<T> row) {
        try (PreparedStatement query = session.prepareStatement(sql)) {
            query.setString(1, relation.toString());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(row.read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * {@return the table that the foreign key {@code constraint} of {@code table} references; empty when there is no
     * such foreign key (another kind of constraint, or none of that name yet) or the catalog cannot say}
     */
    Optional<QualifiedName> foreignKeyTarget(QualifiedName table, String constraint) {
        String sql = "select n.nspname, c.relname from pg_constraint k join pg_class c on c.oid = k.confrelid"
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " where k.conrelid = to_regclass(?) and k.conname = ? and k.contype = 'f'";
        try (PreparedStatement query = session.prepareStatement(sql)) {
            query.setString(1, table.toString());
            query.setString(2, constraint);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) return Optional.empty();
                return Optional.of(new QualifiedName(rows.getString(1), rows.getString(2)));
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * Who owns a relation, and whether the session's role may act as its owner.
     *
     * @param owner  the owning role
     * @param role   the session's role ({@code current_user})
     * @param mayAct whether that role is the owner, has its privileges through membership, or is a superuser
     * @param maintain whether that role has the MAINTAIN privilege on it (PostgreSQL 17), which lets it
     *                 {@code REINDEX}, {@code CLUSTER} and {@code REFRESH MATERIALIZED VIEW} without owning it
     */
    record Owner(String owner, String role, boolean mayAct, boolean maintain) {
    }

    /** {@return who owns {@code relation}; empty when it does not exist or the catalog cannot say} */
    Optional<Owner> owner(QualifiedName relation) {
        return owners.computeIfAbsent(relation, this::readOwner);
    }

    private Optional<Owner> readOwner(QualifiedName relation) {
        // pg_has_role(..., 'USAGE') is has_privs_of_role: the owner itself, an inheriting member, or a superuser
        // the MAINTAIN privilege is asked for only where it exists: older servers reject the name
        return one("select pg_catalog.pg_get_userbyid(c.relowner), current_user,"
                + " pg_catalog.pg_has_role(current_user, c.relowner, 'USAGE'),"
                + " case when pg_catalog.current_setting('server_version_num')::int >= 170000"
                + " then pg_catalog.has_table_privilege(c.oid, 'MAINTAIN') else false end"
                + " from pg_catalog.pg_class c where c.oid = to_regclass(?)", relation,
                rows -> new Owner(rows.getString(1), rows.getString(2), rows.getBoolean(3), rows.getBoolean(4)));
    }

    /** {@return the primary key columns of a table, quoted for SQL; empty when it has none or does not exist} */
    List<String> primaryKey(QualifiedName table) throws SQLException {
        String sql = "select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid"
                + " and a.attnum = any(i.indkey::int2[]) where i.indrelid = to_regclass(?) and i.indisprimary"
                + " order by array_position(i.indkey::int2[], a.attnum)";
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = session.prepareStatement(sql)) {
            query.setString(1, table.toString());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) columns.add(PgIdentifiers.quote(rows.getString(1)));
            }
        }
        return columns;
    }

    /**
     * An existing constraint, read from {@code pg_constraint}.
     *
     * @param type       {@code c} check, {@code f} foreign key, ...
     * @param definition {@code pg_get_constraintdef}
     * @param columns    the constrained columns, quoted
     * @param references for a foreign key, the referenced table as SQL; otherwise null
     * @param refColumns for a foreign key, the referenced columns, quoted
     */
    record Constraint(String type, String definition, List<String> columns, String references,
                      List<String> refColumns) {
    }

    /** {@return a constraint of the table, if it exists} */
    Optional<Constraint> constraint(QualifiedName table, String name) throws SQLException {
        String sql = "select c.contype::text, pg_get_constraintdef(c.oid),"
                + " array(select quote_ident(a.attname) from unnest(c.conkey) with ordinality k(n, o)"
                + "   join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.o),"
                + " case when c.confrelid <> 0 then c.confrelid::regclass::text end,"
                + " array(select quote_ident(a.attname) from unnest(c.confkey) with ordinality k(n, o)"
                + "   join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.o)"
                + " from pg_constraint c where c.conrelid = to_regclass(?) and c.conname = ?";
        try (PreparedStatement query = session.prepareStatement(sql)) {
            query.setString(1, table.toString());
            query.setString(2, name);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) return Optional.empty();
                return Optional.of(new Constraint(rows.getString(1), rows.getString(2),
                        List.of((String[]) rows.getArray(3).getArray()), rows.getString(4),
                        List.of((String[]) rows.getArray(5).getArray())));
            }
        }
    }
}
