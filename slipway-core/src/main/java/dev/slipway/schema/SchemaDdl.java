package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import dev.slipway.schema.DdlPlan.Phase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Prints the DDL that turns a database holding one {@link SchemaModel} into one holding another: the corrective
 * migration of {@code slipway diff}.
 * <p>Statements run in dependency order: views that are in the way are dropped first, then triggers, policies,
 * foreign keys, constraints, indexes and tables that go; then schemas, extensions, types (enums, domains, composite
 * types), sequences and routines are created or changed (routines before tables, because column defaults and checks
 * call them; {@code SET check_function_bodies = off} lets a SQL function name a table created later in the script);
 * then tables are created and altered, followed by constraints, indexes and, once every table exists, foreign keys;
 * then views in the order their queries name each other, triggers, policies, sequence ownership and comments; and
 * last the removed routines, sequences, types, extensions and schemas.
 * <p>What changes in place: columns ({@code ALTER COLUMN ... TYPE ... USING}, defaults, NOT NULL, identity),
 * table options and row-level security, enum labels added anywhere ({@code ADD VALUE ... BEFORE/AFTER}), domains,
 * composite type attributes, sequences, views whose new columns only extend the old ones and functions whose result
 * and parameters stay ({@code CREATE OR REPLACE}), comments and trigger status. What is dropped and created again:
 * changed constraints, indexes, triggers and policies; views whose columns change, and views over tables whose
 * columns are dropped or converted, with every view built on them; routines whose result or parameters change,
 * with whatever calls them; a generated column whose expression changes. An enum that loses or reorders labels is
 * renamed away, created afresh and its columns converted through {@code text}, which fails for rows holding a
 * removed label.
 * <p>Column order is exact: PostgreSQL adds columns at the end and never moves one, so a kept table whose target
 * order adding columns cannot reach is rebuilt (renamed aside, created afresh, its rows copied, the old one dropped;
 * see {@code TableRebuild}), with a warning, since every row is copied under an ACCESS EXCLUSIVE lock.
 * <p>What is not expressed and only warned about ({@link DdlScript#warnings()}): the column order of partitioned
 * tables, partitions and tables in an inheritance tree (and of a table whose row type a routine or column uses),
 * partitioning and inheritance changes, a domain's base type or collation, composite attribute order.
 * <p>Indexes are built with plain {@code CREATE INDEX}, not {@code CONCURRENTLY}: the script is a corrective
 * migration to review, and plain DDL keeps it one transaction; the lint rules of {@code slipway plan} point out
 * where a concurrent build is worth the change. Objects the model does not hold (rules, event triggers, owners,
 * default privileges, a view's column privileges) are neither compared nor printed. Stateless and thread-safe.
 */
public final class SchemaDdl {
    /** Appended to the name of a type or table moved aside while its replacement is built. */
    static final String OLD_SUFFIX = "__slipway_old";

    private SchemaDdl() {
    }

    /**
     * {@return the statements that turn a database holding {@code from} into one holding {@code to}, in the order
     * they must run, with warnings for what they cannot express; empty when the models are equal}
     *
     * @param from the schema as it is
     * @param to   the schema as it should be
     */
    public static DdlScript between(SchemaModel from, SchemaModel to) {
        DdlPlan plan = new DdlPlan();
        Set<String> rebuiltEnums = rebuiltEnums(from, to);
        DdlContext context = new DdlContext(from, to, plan, rebuiltEnums, replacedRoutines(from, to, rebuiltEnums));
        schemas(context);
        extensions(context);
        enums(context);
        domains(context);
        composites(context);
        sequences(context);
        TableDdl tables = new TableDdl(context);
        tables.emit();
        routines(context);
        views(context, tables);
        if (plan.has(Phase.ROUTINES) || plan.has(Phase.LATE_ROUTINES)) {
            plan.add(Phase.PRELUDE, "SET check_function_bodies = off");
        }
        return plan.script();
    }

    private static void schemas(DdlContext context) {
        Map<String, Schema> before = TableDdl.byName(context.from().schemas(), Schema::name);
        Map<String, Schema> after = TableDdl.byName(context.to().schemas(), Schema::name);
        for (Schema schema : after.values()) {
            Schema old = before.get(schema.name());
            if (old == null) context.plan().add(Phase.SCHEMAS, "CREATE SCHEMA " + schema.name());
            if (!Objects.equals(old == null ? null : old.comment(), schema.comment())) {
                context.plan().add(Phase.COMMENTS, ObjectSql.comment("SCHEMA " + schema.name(), schema.comment()));
            }
            Grants.between(context.plan(), "SCHEMA " + schema.name(), old == null ? List.of() : old.grants(),
                    schema.grants());
        }
        for (Schema old : before.values()) {
            if (!after.containsKey(old.name())) context.plan().add(Phase.DROP_SCHEMAS, "DROP SCHEMA " + old.name());
        }
    }

    private static void extensions(DdlContext context) {
        Map<String, Extension> before = TableDdl.byName(context.from().extensions(), Extension::name);
        Map<String, Extension> after = TableDdl.byName(context.to().extensions(), Extension::name);
        for (Extension extension : after.values()) {
            Extension old = before.get(extension.name());
            if (old == null) {
                context.plan().add(Phase.EXTENSIONS, ObjectSql.createExtension(extension));
                continue;
            }
            if (!old.schema().equals(extension.schema())) {
                context.plan().add(Phase.EXTENSIONS, "ALTER EXTENSION " + extension.name() + " SET SCHEMA "
                        + ObjectSql.quote(extension.schema()));
            }
            if (!old.version().equals(extension.version())) {
                context.plan().add(Phase.EXTENSIONS, "ALTER EXTENSION " + extension.name() + " UPDATE TO "
                        + ObjectSql.literal(extension.version()));
            }
        }
        for (Extension old : before.values()) {
            if (!after.containsKey(old.name())) {
                context.plan().add(Phase.DROP_EXTENSIONS, "DROP EXTENSION " + old.name());
            }
        }
    }

    /** Enums whose labels cannot be reached by adding labels: some are removed or the order of kept ones changes. */
    private static Set<String> rebuiltEnums(SchemaModel from, SchemaModel to) {
        Map<String, EnumType> after = TableDdl.byName(to.enums(), EnumType::name);
        Set<String> rebuilt = new HashSet<>();
        for (EnumType old : from.enums()) {
            EnumType now = after.get(old.name());
            if (now != null && !onlyAdded(old.labels(), now.labels())) rebuilt.add(old.name());
        }
        return rebuilt;
    }

    private static boolean onlyAdded(List<String> before, List<String> after) {
        return after.stream().filter(before::contains).toList().equals(before);
    }

    private static void enums(DdlContext context) {
        DdlPlan plan = context.plan();
        Map<String, EnumType> before = TableDdl.byName(context.from().enums(), EnumType::name);
        for (EnumType now : context.to().enums()) {
            EnumType old = before.get(now.name());
            if (old == null) {
                plan.add(Phase.TYPES, ObjectSql.createEnum(now));
            } else if (context.rebuiltEnums().contains(now.name())) {
                String oldName = now.typeName() + OLD_SUFFIX;
                plan.add(Phase.TYPES, "ALTER TYPE " + now.name() + " RENAME TO " + ObjectSql.quote(oldName));
                plan.add(Phase.TYPES, ObjectSql.createEnum(now));
                plan.add(Phase.DROP_TYPES, "DROP TYPE " + PgIdentifiers.qualified(now.schema(), oldName));
                plan.warn("enum " + now.name() + ": labels " + String.join(", ", old.labels()) + " become "
                        + String.join(", ", now.labels()) + ", which ADD VALUE cannot do; the script creates the"
                        + " type afresh and converts its columns through text, which fails for rows holding a"
                        + " removed label");
                warnAboutTypesOver(context, now);
            } else {
                addLabels(plan, old, now);
            }
            boolean fresh = old == null || context.rebuiltEnums().contains(now.name());
            if (!Objects.equals(fresh ? null : old.comment(), now.comment())) {
                plan.add(Phase.COMMENTS, ObjectSql.comment("TYPE " + now.name(), now.comment()));
            }
        }
        for (EnumType old : context.from().enums()) {
            if (!context.to().enums().stream().anyMatch(e -> e.name().equals(old.name()))) {
                plan.add(Phase.DROP_TYPES, "DROP TYPE " + old.name());
            }
        }
    }

    private static void addLabels(DdlPlan plan, EnumType old, EnumType now) {
        List<String> labels = now.labels();
        for (int i = 0; i < labels.size(); i++) {
            if (old.labels().contains(labels.get(i))) continue;
            String place = i > 0 ? " AFTER " + PgIdentifiers.literal(labels.get(i - 1))
                    : " BEFORE " + PgIdentifiers.literal(labels.get(1));
            plan.add(Phase.TYPES, new DdlStatement("ALTER TYPE " + now.name() + " ADD VALUE "
                    + PgIdentifiers.literal(labels.get(i)) + place, false, false));
        }
    }

    private static void warnAboutTypesOver(DdlContext context, EnumType rebuilt) {
        for (Domain domain : context.from().domains()) {
            if (domain.baseType().equals(rebuilt.name())) {
                context.plan().warn("domain " + domain.name() + " is over the rebuilt enum " + rebuilt.name()
                        + "; the script does not convert it, so dropping the old enum will fail");
            }
        }
        for (CompositeType type : context.from().compositeTypes()) {
            if (type.attributes().stream().anyMatch(a -> context.isRebuiltEnum(a.type()))) {
                context.plan().warn("composite type " + type.name() + " has an attribute of the rebuilt enum "
                        + rebuilt.name() + "; the script does not convert it, so dropping the old enum will fail");
            }
        }
    }

    private static void domains(DdlContext context) {
        DdlPlan plan = context.plan();
        Map<String, Domain> before = TableDdl.byName(context.from().domains(), Domain::name);
        for (Domain now : context.to().domains()) {
            Domain old = before.get(now.name());
            if (old == null) {
                plan.add(Phase.TYPES, ObjectSql.createDomain(now));
                for (DomainCheck check : now.checks()) plan.add(Phase.TYPES, ObjectSql.addDomainCheck(now, check));
            } else {
                alterDomain(plan, old, now);
            }
            if (!Objects.equals(old == null ? null : old.comment(), now.comment())) {
                plan.add(Phase.COMMENTS, ObjectSql.comment("DOMAIN " + now.name(), now.comment()));
            }
        }
        for (Domain old : context.from().domains()) {
            if (!context.to().domains().stream().anyMatch(d -> d.name().equals(old.name()))) {
                plan.add(Phase.DROP_TYPES, "DROP DOMAIN " + old.name());
            }
        }
    }

    private static void alterDomain(DdlPlan plan, Domain old, Domain now) {
        String alter = "ALTER DOMAIN " + now.name() + " ";
        if (!old.baseType().equals(now.baseType()) || !Objects.equals(old.collation(), now.collation())) {
            plan.warn("domain " + now.name() + ": its base type or collation differs (" + old.baseType() + " -> "
                    + now.baseType() + "); that needs the domain rebuilt, which this script does not do");
        }
        if (!Objects.equals(old.defaultExpression(), now.defaultExpression())) {
            plan.add(Phase.TYPES, alter + (now.defaultExpression() == null ? "DROP DEFAULT"
                    : "SET DEFAULT " + now.defaultExpression()));
        }
        if (old.notNull() != now.notNull()) plan.add(Phase.TYPES, alter + (now.notNull() ? "SET" : "DROP")
                + " NOT NULL");
        Map<String, DomainCheck> targets = TableDdl.byName(now.checks(), DomainCheck::constraintName);
        Set<String> present = new HashSet<>();
        for (DomainCheck check : old.checks()) {
            DomainCheck target = targets.get(check.constraintName());
            if (target != null && target.definition().equals(check.definition())
                    && (target.validated() || !check.validated())) {
                present.add(target.constraintName());
                if (target.validated() && !check.validated()) {
                    plan.add(Phase.TYPES, alter + "VALIDATE CONSTRAINT " + target.name());
                }
                continue;
            }
            plan.add(Phase.TYPES, alter + "DROP CONSTRAINT " + check.name());
        }
        for (DomainCheck target : now.checks()) {
            if (!present.contains(target.constraintName())) plan.add(Phase.TYPES, ObjectSql.addDomainCheck(now,
                    target));
        }
    }

    private static void composites(DdlContext context) {
        DdlPlan plan = context.plan();
        Map<String, CompositeType> before = TableDdl.byName(context.from().compositeTypes(), CompositeType::name);
        for (CompositeType now : context.to().compositeTypes()) {
            CompositeType old = before.get(now.name());
            if (old == null) {
                plan.add(Phase.TYPES, ObjectSql.createComposite(now));
            } else {
                alterComposite(plan, old, now);
            }
            if (!Objects.equals(old == null ? null : old.comment(), now.comment())) {
                plan.add(Phase.COMMENTS, ObjectSql.comment("TYPE " + now.name(), now.comment()));
            }
        }
        for (CompositeType old : context.from().compositeTypes()) {
            if (context.to().compositeTypes().stream().noneMatch(c -> c.name().equals(old.name()))) {
                plan.add(Phase.DROP_TYPES, "DROP TYPE " + old.name());
            }
        }
    }

    private static void alterComposite(DdlPlan plan, CompositeType old, CompositeType now) {
        String alter = "ALTER TYPE " + now.name() + " ";
        Map<String, Attribute> targets = TableDdl.byName(now.attributes(), Attribute::attributeName);
        List<String> order = new ArrayList<>();
        for (Attribute attribute : old.attributes()) {
            Attribute target = targets.get(attribute.attributeName());
            if (target == null) {
                plan.add(Phase.TYPES, DdlStatement.destructive(alter + "DROP ATTRIBUTE " + attribute.name()));
                continue;
            }
            order.add(target.attributeName());
            if (!target.type().equals(attribute.type()) || !Objects.equals(target.collation(),
                    attribute.collation())) {
                plan.add(Phase.TYPES, alter + "ALTER ATTRIBUTE " + target.name() + " TYPE " + target.type()
                        + (target.collation() == null ? "" : " COLLATE " + target.collation()));
            }
        }
        for (Attribute target : now.attributes()) {
            if (order.contains(target.attributeName())) continue;
            plan.add(Phase.TYPES, alter + "ADD ATTRIBUTE " + ObjectSql.attribute(target));
            order.add(target.attributeName());
        }
        List<String> wanted = now.attributes().stream().map(Attribute::attributeName).toList();
        if (!order.equals(wanted)) {
            plan.warn("composite type " + now.name() + ": its attributes end up in the order " + String.join(", ",
                    order) + " rather than " + String.join(", ", wanted) + "; reordering needs the type rebuilt");
        }
    }

    private static void sequences(DdlContext context) {
        DdlPlan plan = context.plan();
        Map<String, Sequence> before = TableDdl.byName(context.from().sequences(), Sequence::name);
        for (Sequence now : context.to().sequences()) {
            Sequence old = before.get(now.name());
            if (old == null) {
                // An identity column creates its sequence, with these options, when it is created.
                if (now.identity()) continue;
                plan.add(Phase.SEQUENCES, "CREATE SEQUENCE " + now.name() + " " + ObjectSql.sequenceOptions(now));
            } else if (!sameOptions(old, now)) {
                plan.add(now.identity() ? Phase.OWNERSHIP : Phase.SEQUENCES, "ALTER SEQUENCE " + now.name() + " "
                        + ObjectSql.sequenceOptions(now));
            }
            String ownedBefore = old == null ? null : old.ownedBy();
            if (!now.identity() && !Objects.equals(ownedBefore, now.ownedBy())) {
                if (ownedBefore != null) plan.add(Phase.DROP_TABLE_PARTS, "ALTER SEQUENCE " + now.name()
                        + " OWNED BY NONE");
                if (now.ownedBy() != null) plan.add(Phase.OWNERSHIP, "ALTER SEQUENCE " + now.name() + " OWNED BY "
                        + now.ownedBy());
            }
            if (!Objects.equals(old == null ? null : old.comment(), now.comment())) {
                plan.add(Phase.COMMENTS, ObjectSql.comment("SEQUENCE " + now.name(), now.comment()));
            }
            Grants.between(plan, "SEQUENCE " + now.name(), old == null ? List.of() : old.grants(), now.grants());
        }
        Set<String> kept = TableDdl.byName(context.to().sequences(), Sequence::name).keySet();
        for (Sequence old : context.from().sequences()) {
            if (kept.contains(old.name()) || old.identity()) continue;
            // A sequence owned by a column goes with the column; IF EXISTS covers a column dropped before.
            plan.add(Phase.DROP_SEQUENCES, DdlStatement.destructive("DROP SEQUENCE "
                    + (old.ownedBy() == null ? "" : "IF EXISTS ") + old.name()));
        }
    }

    private static boolean sameOptions(Sequence old, Sequence now) {
        return old.type().equals(now.type()) && old.start() == now.start() && old.increment() == now.increment()
                && old.minValue() == now.minValue() && old.maxValue() == now.maxValue()
                && old.cache() == now.cache() && old.cycle() == now.cycle();
    }

    /** Routines that are dropped and created again, by qualified name without arguments. */
    private static Set<String> replacedRoutines(SchemaModel from, SchemaModel to, Set<String> rebuiltEnums) {
        Map<String, Routine> after = TableDdl.byName(to.routines(), Routine::name);
        Set<String> replaced = new HashSet<>();
        for (Routine old : from.routines()) {
            Routine now = after.get(old.name());
            if (now != null && mustDrop(old, now, rebuiltEnums)) replaced.add(Mentions.routineCall(old));
        }
        return replaced;
    }

    /**
     * Whether CREATE OR REPLACE cannot turn {@code old} into {@code now}: it refuses a new result type, renamed
     * parameters or changed defaults, and a routine whose signature names a rebuilt enum must be created against the
     * new type.
     */
    private static boolean mustDrop(Routine old, Routine now, Set<String> rebuiltEnums) {
        if (sameApartFromComment(old, now) && !Mentions.namesAny(signature(old), rebuiltEnums)) return false;
        return now.procedure() != old.procedure() || !Objects.equals(now.result(), old.result())
                || !header(now).equals(header(old)) || Mentions.namesAny(signature(old), rebuiltEnums);
    }

    private static String header(Routine routine) {
        String definition = routine.definition();
        int end = definition.indexOf('\n');
        return end < 0 ? definition : definition.substring(0, end);
    }

    /** The definition up to its body: name, parameters, result and attributes. */
    static String signature(Routine routine) {
        String definition = routine.definition();
        int body = definition.indexOf("\nAS ");
        if (body < 0) body = definition.indexOf("\nBEGIN ATOMIC");
        return body < 0 ? definition : definition.substring(0, body);
    }

    private static void routines(DdlContext context) {
        DdlPlan plan = context.plan();
        Map<String, Routine> before = TableDdl.byName(context.from().routines(), Routine::name);
        Set<String> oldTables = TableDdl.byName(context.from().tables(), Table::name).keySet();
        List<String> newTables = context.to().tables().stream().map(Table::name)
                .filter(name -> !oldTables.contains(name)).toList();
        for (Routine now : context.to().routines()) {
            Routine old = before.get(now.name());
            boolean replaced = old != null && mustDrop(old, now, context.rebuiltEnums());
            if (replaced) plan.add(Phase.DROP_REPLACED_ROUTINES, "DROP " + ObjectSql.routineTarget(old));
            if (old == null || replaced || !sameApartFromComment(old, now)) {
                // A body in SQL-standard form (BEGIN ATOMIC) and a signature naming a new table's row type need the
                // tables: such a routine comes after them.
                boolean late = now.definition().contains("BEGIN ATOMIC")
                        || Mentions.namesAny(signature(now), newTables);
                plan.add(late ? Phase.LATE_ROUTINES : Phase.ROUTINES, ObjectSql.routine(now));
            }
            if (!Objects.equals(old == null || replaced ? null : old.comment(), now.comment())) {
                plan.add(Phase.COMMENTS, ObjectSql.comment(ObjectSql.routineTarget(now), now.comment()));
            }
            Grants.between(plan, ObjectSql.routineTarget(now), old == null || replaced ? Grants.ROUTINE_DEFAULTS
                    : old.grants(), now.grants());
        }
        for (Routine old : context.from().routines()) {
            if (!context.to().routines().stream().anyMatch(r -> r.name().equals(old.name()))) {
                plan.add(Phase.DROP_ROUTINES, "DROP " + ObjectSql.routineTarget(old));
            }
        }
    }

    private static boolean sameApartFromComment(Routine old, Routine now) {
        return old.procedure() == now.procedure() && old.definition().equals(now.definition())
                && Objects.equals(old.result(), now.result());
    }

    private static void views(DdlContext context, TableDdl tables) {
        DdlPlan plan = context.plan();
        Map<String, View> before = TableDdl.byName(context.from().views(), View::name);
        Map<String, View> after = TableDdl.byName(context.to().views(), View::name);
        Set<String> dropped = new HashSet<>();
        Set<String> obstacles = new HashSet<>(tables.reshapedTables());
        obstacles.addAll(context.rebuiltEnums());
        obstacles.addAll(context.replacedRoutines());
        for (Routine old : context.from().routines()) {
            if (context.to().routines().stream().noneMatch(r -> r.name().equals(old.name()))) {
                obstacles.add(Mentions.routineCall(old));
            }
        }
        for (View old : before.values()) {
            View now = after.get(old.name());
            if (now == null || now.materialized() != old.materialized()
                    || !now.definition().equals(old.definition()) && !replaceable(old, now)
                    || !now.options().equals(old.options()) || Mentions.namesAny(old.definition(), obstacles)) {
                dropped.add(old.name());
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (View old : before.values()) {
                if (!dropped.contains(old.name()) && Mentions.namesAny(old.definition(), dropped)) {
                    grew = dropped.add(old.name()) || grew;
                }
            }
        }
        List<View> dropOrder = new ArrayList<>(Mentions.inDependencyOrder(context.from().views()));
        Collections.reverse(dropOrder);
        for (View old : dropOrder) {
            if (dropped.contains(old.name())) plan.add(Phase.DROP_VIEWS, ObjectSql.dropView(old));
        }
        for (View now : Mentions.inDependencyOrder(context.to().views())) {
            View old = before.get(now.name());
            if (old == null || dropped.contains(now.name())) {
                createView(context, tables, now);
            } else {
                alterView(context, tables, old, now);
            }
        }
    }

    /** CREATE OR REPLACE VIEW keeps the old columns, by name and type, and may only add columns after them. */
    private static boolean replaceable(View old, View now) {
        return !old.materialized() && !now.materialized() && now.columns().size() >= old.columns().size()
                && now.columns().subList(0, old.columns().size()).equals(old.columns());
    }

    private static void createView(DdlContext context, TableDdl tables, View view) {
        DdlPlan plan = context.plan();
        plan.add(Phase.VIEWS, ObjectSql.createView(view));
        String schema = view.schema();
        for (Index index : view.indexes()) {
            plan.add(Phase.VIEWS, ObjectSql.createIndex(index));
            if (index.comment() != null) plan.add(Phase.COMMENTS, ObjectSql.comment(ObjectSql.indexTarget(schema,
                    index), index.comment()));
        }
        for (Trigger trigger : view.triggers()) tables.createTrigger(view.name(), trigger);
        if (view.comment() != null) plan.add(Phase.COMMENTS, ObjectSql.comment(ObjectSql.viewTarget(view),
                view.comment()));
        Grants.between(plan, "TABLE " + view.name(), List.of(), view.grants());
    }

    private static void alterView(DdlContext context, TableDdl tables, View old, View now) {
        DdlPlan plan = context.plan();
        if (!old.definition().equals(now.definition()) || !old.columns().equals(now.columns())) {
            plan.add(Phase.VIEWS, ObjectSql.replaceView(now));
        }
        Map<String, Index> targets = TableDdl.byName(now.indexes(), Index::indexName);
        Set<String> present = new HashSet<>();
        for (Index index : old.indexes()) {
            Index target = targets.get(index.indexName());
            if (target != null && target.definition().equals(index.definition())) {
                present.add(target.indexName());
                if (!Objects.equals(index.comment(), target.comment())) {
                    plan.add(Phase.COMMENTS, ObjectSql.comment(ObjectSql.indexTarget(now.schema(), target),
                            target.comment()));
                }
                continue;
            }
            plan.add(Phase.DROP_CONSTRAINTS, "DROP " + ObjectSql.indexTarget(old.schema(), index));
        }
        for (Index target : now.indexes()) {
            if (present.contains(target.indexName())) continue;
            plan.add(Phase.ADD_INDEXES, ObjectSql.createIndex(target));
            if (target.comment() != null) plan.add(Phase.COMMENTS, ObjectSql.comment(ObjectSql.indexTarget(
                    now.schema(), target), target.comment()));
        }
        tables.alterTriggers(now.name(), old.triggers(), now.triggers());
        if (!Objects.equals(old.comment(), now.comment())) {
            plan.add(Phase.COMMENTS, ObjectSql.comment(ObjectSql.viewTarget(now), now.comment()));
        }
        Grants.between(plan, "TABLE " + now.name(), old.grants(), now.grants());
    }
}
