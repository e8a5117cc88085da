package dev.slipway.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads enums, domains (with their checks) and composite types, one catalog query per kind. */
final class TypeQueries {
    private static final String TYPES_IN_SCHEMAS = " from pg_type t join pg_namespace n on n.oid = t.typnamespace"
            + " left join pg_description d on d.objoid = t.oid and d.classoid = 'pg_type'::regclass"
            + " where n.nspname = any($SCHEMAS) and " + Catalog.NOT_FROM_EXTENSION_TYPE;

    private static final String ENUMS = "select n.nspname, t.typname as relname,"
            + " array(select e.enumlabel::text from pg_enum e where e.enumtypid = t.oid order by e.enumsortorder)"
            + " as labels, d.description" + TYPES_IN_SCHEMAS + " and t.typtype = 'e'";

    private static final String DOMAINS = "select n.nspname, t.typname as relname,"
            + " format_type(t.typbasetype, t.typtypmod) as basetype, t.typdefault, t.typnotnull,"
            + " case when t.typcollation <> (select b.typcollation from pg_type b where b.oid = t.typbasetype) then"
            + " (select case when cn.nspname = 'pg_catalog' then quote_ident(co.collname)"
            + " else quote_ident(cn.nspname) || '.' || quote_ident(co.collname) end"
            + " from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace where co.oid = t.typcollation)"
            + " end as collation, d.description" + TYPES_IN_SCHEMAS + " and t.typtype = 'd'";

    private static final String DOMAIN_CHECKS = "select n.nspname, t.typname as relname, con.conname,"
            + " pg_get_constraintdef(con.oid) as definition, con.convalidated"
            + " from pg_constraint con join pg_type t on t.oid = con.contypid"
            + " join pg_namespace n on n.oid = t.typnamespace where n.nspname = any($SCHEMAS)";

    private static final String COMPOSITES = "select n.nspname, t.typname as relname, d.description"
            + TYPES_IN_SCHEMAS + " and t.typtype = 'c'"
            + " and (select c.relkind from pg_class c where c.oid = t.typrelid) = 'c'";

    private TypeQueries() {
    }

    static List<EnumType> enums(Catalog catalog) throws SQLException {
        List<EnumType> enums = new ArrayList<>();
        catalog.each(ENUMS, row -> enums.add(new EnumType(row.getString("nspname"), row.getString("relname"),
                Catalog.strings(row, "labels"), row.getString("description"))));
        return enums;
    }

    static List<Domain> domains(Catalog catalog) throws SQLException {
        Map<RelationKey, List<DomainCheck>> checks = new HashMap<>();
        catalog.each(DOMAIN_CHECKS, row -> checks.computeIfAbsent(RelationKey.of(row), k -> new ArrayList<>())
                .add(new DomainCheck(row.getString("conname"),
                        RelationParts.withoutNotValid(row.getString("definition")), row.getBoolean("convalidated"))));
        List<Domain> domains = new ArrayList<>();
        catalog.each(DOMAINS, row -> domains.add(new Domain(row.getString("nspname"), row.getString("relname"),
                row.getString("basetype"), row.getString("collation"), row.getString("typdefault"),
                row.getBoolean("typnotnull"), checks.getOrDefault(RelationKey.of(row), List.of()),
                row.getString("description"))));
        return domains;
    }

    static List<CompositeType> composites(Catalog catalog, RelationParts parts) throws SQLException {
        List<CompositeType> composites = new ArrayList<>();
        catalog.each(COMPOSITES, row -> composites.add(new CompositeType(row.getString("nspname"),
                row.getString("relname"), parts.of(parts.attributes, RelationKey.of(row)),
                row.getString("description"))));
        return composites;
    }
}
