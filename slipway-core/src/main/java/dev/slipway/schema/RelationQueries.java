package dev.slipway.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads tables, views and sequences, one catalog query per kind, and attaches their parts. */
final class RelationQueries {
    private static final String RELATIONS_IN_SCHEMAS = " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " left join pg_description d on d.objoid = c.oid and d.classoid = 'pg_class'::regclass"
            + " and d.objsubid = 0"
            + " where n.nspname = any($SCHEMAS) and " + Catalog.NOT_FROM_EXTENSION_CLASS + " and "
            + Catalog.NOT_TOOL_TABLE;

    private static final String TABLES = "select n.nspname, c.relname, c.relkind, c.relpersistence,"
            + " c.relrowsecurity, c.relforcerowsecurity, c.reloptions,"
            + " case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partkey,"
            + " case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as bound,"
            + " case when c.relispartition then (select i.inhparent::regclass::text from pg_inherits i"
            + " where i.inhrelid = c.oid) end as partitionof,"
            + " array(select i.inhparent::regclass::text from pg_inherits i where i.inhrelid = c.oid"
            + " and not c.relispartition order by i.inhseqno) as inherits, d.description, "
            + Grants.column("c.relacl", 'r', "c.relowner") + " as grants"
            + RELATIONS_IN_SCHEMAS + " and c.relkind in ('r', 'p')";

    private static final String VIEWS = "select n.nspname, c.relname, c.relkind, c.reloptions,"
            + " pg_get_viewdef(c.oid, true) as definition, d.description, "
            + Grants.column("c.relacl", 'r', "c.relowner") + " as grants"
            + RELATIONS_IN_SCHEMAS + " and c.relkind in ('v', 'm')";

    // The column a sequence is OWNED BY is an auto dependency ('a'); an identity column's sequence is internal ('i').
    private static final String SEQUENCES = "select n.nspname, c.relname, format_type(s.seqtypid, null) as type,"
            + " s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,"
            + " owner.refobjid::regclass::text || '.' || quote_ident(oa.attname) as ownedby,"
            + " owner.deptype = 'i' as identity, d.description, "
            + Grants.column("c.relacl", 's', "c.relowner") + " as grants"
            + " from pg_sequence s join pg_class c on c.oid = s.seqrelid"
            + " join pg_namespace n on n.oid = c.relnamespace"
            + " left join pg_depend owner on owner.classid = 'pg_class'::regclass and owner.objid = c.oid"
            + " and owner.refclassid = 'pg_class'::regclass and owner.refobjsubid > 0 and owner.deptype in ('a', 'i')"
            + " left join pg_class oc on oc.oid = owner.refobjid"
            + " left join pg_attribute oa on oa.attrelid = owner.refobjid and oa.attnum = owner.refobjsubid"
            + " left join pg_description d on d.objoid = c.oid and d.classoid = 'pg_class'::regclass"
            + " and d.objsubid = 0"
            + " where n.nspname = any($SCHEMAS) and " + Catalog.NOT_FROM_EXTENSION_CLASS
            + " and (oc.relname is null or oc.relname not in ($TOOL_TABLES))";

    private RelationQueries() {
    }

    static List<Table> tables(Catalog catalog, RelationParts parts) throws SQLException {
        List<Table> tables = new ArrayList<>();
        catalog.each(TABLES, row -> {
            RelationKey key = RelationKey.of(row);
            tables.add(new Table(key.schema(), key.name(), row.getString("relkind").equals("p"),
                    row.getString("relpersistence").equals("u"), parts.of(parts.columns, key),
                    parts.of(parts.constraints, key), parts.of(parts.indexes, key), parts.of(parts.triggers, key),
                    row.getBoolean("relrowsecurity"), row.getBoolean("relforcerowsecurity"),
                    parts.of(parts.policies, key), row.getString("partkey"), row.getString("partitionof"),
                    row.getString("bound"), Catalog.strings(row, "inherits"), Catalog.strings(row, "reloptions"),
                    row.getString("description"), Catalog.strings(row, "grants")));
        });
        return tables;
    }

    static List<View> views(Catalog catalog, RelationParts parts) throws SQLException {
        List<View> views = new ArrayList<>();
        catalog.each(VIEWS, row -> {
            RelationKey key = RelationKey.of(row);
            views.add(new View(key.schema(), key.name(), row.getString("relkind").equals("m"),
                    row.getString("definition"), parts.of(parts.viewColumns, key), Catalog.strings(row, "reloptions"),
                    parts.of(parts.indexes, key), parts.of(parts.triggers, key), row.getString("description"),
                    Catalog.strings(row, "grants")));
        });
        return views;
    }

    static List<Sequence> sequences(Catalog catalog) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        catalog.each(SEQUENCES, row -> sequences.add(new Sequence(row.getString("nspname"), row.getString("relname"),
                row.getString("type"), row.getLong("seqstart"), row.getLong("seqincrement"), row.getLong("seqmin"),
                row.getLong("seqmax"), row.getLong("seqcache"), row.getBoolean("seqcycle"),
                row.getString("ownedby"), row.getBoolean("identity"), row.getString("description"),
                Catalog.strings(row, "grants"))));
        return sequences;
    }
}
