package dev.slipway.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of every table, view and composite type in the schemas read: columns, constraints, indexes, triggers and
 * policies, one catalog query per kind for the whole database, grouped by owner.
 */
final class RelationParts {
    private static final String COLLATION = "(select case when cn.nspname = 'pg_catalog' then quote_ident(co.collname)"
            + " else quote_ident(cn.nspname) || '.' || quote_ident(co.collname) end"
            + " from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace where co.oid = %s)";

    private static final String COLUMNS = "select n.nspname, c.relname, c.relkind, a.attname,"
            + " row_number() over (partition by a.attrelid order by a.attnum) as position,"
            + " format_type(a.atttypid, a.atttypmod) as type, a.attnotnull, a.attislocal, a.attidentity,"
            + " a.attgenerated, pg_get_expr(ad.adbin, ad.adrelid) as expression,"
            + " case when a.attcollation <> t.typcollation then " + COLLATION.formatted("a.attcollation")
            + " end as collation, d.description, "
            + Grants.column("a.attacl", 'c', "c.relowner") + " as grants"
            + " from pg_attribute a join pg_class c on c.oid = a.attrelid"
            + " join pg_namespace n on n.oid = c.relnamespace join pg_type t on t.oid = a.atttypid"
            + " left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum"
            + " left join pg_description d on d.objoid = a.attrelid and d.classoid = 'pg_class'::regclass"
            + " and d.objsubid = a.attnum"
            + " where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'v', 'm', 'c')"
            + " and n.nspname = any($SCHEMAS)";

    private static final String CONSTRAINTS = "select n.nspname, c.relname, con.conname, con.contype,"
            + " pg_get_constraintdef(con.oid) as definition, con.convalidated, con.condeferrable, con.condeferred,"
            + " con.conislocal, case when con.confrelid <> 0 then con.confrelid::regclass::text end as refs,"
            + " d.description"
            + " from pg_constraint con join pg_class c on c.oid = con.conrelid"
            + " join pg_namespace n on n.oid = c.relnamespace"
            + " left join pg_description d on d.objoid = con.oid and d.classoid = 'pg_constraint'::regclass"
            + " where con.contype in ('p', 'u', 'f', 'c', 'x') and n.nspname = any($SCHEMAS)";

    private static final String INDEXES = "select n.nspname, c.relname, ic.relname as indexname,"
            + " pg_get_indexdef(i.indexrelid) as definition, i.indisvalid, con.conname,"
            + " ih.inhparent::regclass::text as parent, d.description"
            + " from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class c on c.oid = i.indrelid"
            + " join pg_namespace n on n.oid = c.relnamespace"
            + " left join pg_constraint con on con.conindid = i.indexrelid and con.conrelid = i.indrelid"
            + " and con.contype in ('p', 'u', 'x')"
            + " left join pg_inherits ih on ih.inhrelid = i.indexrelid"
            + " left join pg_description d on d.objoid = i.indexrelid and d.classoid = 'pg_class'::regclass"
            + " and d.objsubid = 0"
            + " where c.relkind in ('r', 'p', 'm') and n.nspname = any($SCHEMAS)";

    // A trigger cloned onto a partition depends on its parent's trigger with deptype 'P' (PostgreSQL 13 on; on 12
    // clones are internal and left out with the rest).
    private static final String TRIGGERS = "select n.nspname, c.relname, tg.tgname, pg_get_triggerdef(tg.oid) as"
            + " definition, tg.tgenabled, exists (select from pg_depend pd where pd.classid = 'pg_trigger'::regclass"
            + " and pd.objid = tg.oid and pd.refclassid = 'pg_trigger'::regclass and pd.deptype = 'P') as cloned,"
            + " d.description"
            + " from pg_trigger tg join pg_class c on c.oid = tg.tgrelid join pg_namespace n on n.oid = c.relnamespace"
            + " left join pg_description d on d.objoid = tg.oid and d.classoid = 'pg_trigger'::regclass"
            + " where not tg.tgisinternal and n.nspname = any($SCHEMAS)";

    private static final String POLICIES = "select n.nspname, c.relname, p.polname, p.polcmd, p.polpermissive,"
            + " array(select case when r.oid = 0 then 'public' else (select rolname from pg_roles where oid = r.oid)"
            + " end from unnest(p.polroles) as r(oid)) as roles,"
            + " pg_get_expr(p.polqual, p.polrelid) as qual, pg_get_expr(p.polwithcheck, p.polrelid) as withcheck,"
            + " d.description"
            + " from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace"
            + " left join pg_description d on d.objoid = p.oid and d.classoid = 'pg_policy'::regclass"
            + " where n.nspname = any($SCHEMAS)";

    final Map<RelationKey, List<Column>> columns = new HashMap<>();
    final Map<RelationKey, List<String>> viewColumns = new HashMap<>();
    final Map<RelationKey, List<Attribute>> attributes = new HashMap<>();
    final Map<RelationKey, List<Constraint>> constraints = new HashMap<>();
    final Map<RelationKey, List<Index>> indexes = new HashMap<>();
    final Map<RelationKey, List<Trigger>> triggers = new HashMap<>();
    final Map<RelationKey, List<Policy>> policies = new HashMap<>();

    static RelationParts read(Catalog catalog) throws SQLException {
        RelationParts parts = new RelationParts();
        catalog.each(COLUMNS, row -> {
            RelationKey key = RelationKey.of(row);
            String relkind = row.getString("relkind");
            String name = row.getString("attname");
            int position = row.getInt("position");
            String type = row.getString("type");
            String collation = row.getString("collation");
            if (relkind.equals("v") || relkind.equals("m")) {
                parts.viewColumns.computeIfAbsent(key, k -> new ArrayList<>()).add(name + " " + type);
            } else if (relkind.equals("c")) {
                parts.attributes.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Attribute(name, position, type, collation));
            } else {
                String generatedKind = row.getString("attgenerated");
                boolean generated = generatedKind != null && !generatedKind.isEmpty();
                String expression = row.getString("expression");
                parts.columns.computeIfAbsent(key, k -> new ArrayList<>()).add(new Column(name, position, type,
                        collation, row.getBoolean("attnotnull"), generated ? null : expression,
                        identity(row.getString("attidentity")), generated ? expression : null,
                        !row.getBoolean("attislocal"), row.getString("description"),
                        Catalog.strings(row, "grants")));
            }
        });
        catalog.each(CONSTRAINTS, row -> parts.constraints.computeIfAbsent(RelationKey.of(row), k -> new ArrayList<>())
                .add(new Constraint(row.getString("conname"), ConstraintType.of(row.getString("contype")),
                        withoutNotValid(row.getString("definition")), row.getBoolean("convalidated"),
                        row.getBoolean("condeferrable"), row.getBoolean("condeferred"), row.getString("refs"),
                        !row.getBoolean("conislocal"), row.getString("description"))));
        catalog.each(INDEXES, row -> parts.indexes.computeIfAbsent(RelationKey.of(row), k -> new ArrayList<>())
                .add(new Index(row.getString("indexname"), row.getString("definition"), row.getBoolean("indisvalid"),
                        row.getString("conname"), row.getString("parent"), row.getString("description"))));
        catalog.each(TRIGGERS, row -> parts.triggers.computeIfAbsent(RelationKey.of(row), k -> new ArrayList<>())
                .add(new Trigger(row.getString("tgname"), row.getString("definition"),
                        Trigger.enabledWord(row.getString("tgenabled")), row.getBoolean("cloned"),
                        row.getString("description"))));
        catalog.each(POLICIES, row -> parts.policies.computeIfAbsent(RelationKey.of(row), k -> new ArrayList<>())
                .add(new Policy(row.getString("polname"), Policy.commandWord(row.getString("polcmd")),
                        row.getBoolean("polpermissive"), Catalog.strings(row, "roles"), row.getString("qual"),
                        row.getString("withcheck"), row.getString("description"))));
        return parts;
    }

    <T> List<T> of(Map<RelationKey, List<T>> byOwner, RelationKey owner) {
        return byOwner.getOrDefault(owner, List.of());
    }

    private static String identity(String attidentity) {
        if (attidentity == null) return null;
        return switch (attidentity) {
            case "a" -> "always";
            case "d" -> "by default";
            default -> null;
        };
    }

    /** {@code pg_get_constraintdef} appends NOT VALID; the model keeps validity apart so one change is one property. */
    static String withoutNotValid(String definition) {
        return definition.endsWith(" NOT VALID")
                ? definition.substring(0, definition.length() - " NOT VALID".length()) : definition;
    }
}
