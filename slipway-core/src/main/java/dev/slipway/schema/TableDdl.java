package dev.slipway.schema;

import dev.slipway.schema.DdlPlan.Phase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The statements for tables and their parts: removed tables dropped, new ones created (columns in the CREATE,
 * constraints, indexes and foreign keys later, each in its phase), kept ones altered part by part. A changed
 * constraint, index, trigger or policy is dropped and added again; a column is altered in place, unless the target's
 * column order cannot be reached that way, in which case the table is rebuilt ({@link TableRebuild}).
 * <p>Not thread-safe; lives for one {@link SchemaDdl#between} call.
 */
final class TableDdl {
    private final DdlContext context;
    private final DdlPlan plan;
    private final Map<String, Table> before;
    private final Map<String, Table> after;
    /** Tables dropped, or with columns dropped or converted: the views over them are re-created. */
    private final Set<String> reshaped = new HashSet<>();
    /** Tables whose keys or column types change: foreign keys on them and to them are dropped and added again. */
    private final Set<String> rekeyed = new HashSet<>();
    /** Kept tables rebuilt to reach the target's column order, by qualified name. */
    private final Set<String> rebuilt = new HashSet<>();
    /** Kept tables whose column order cannot be reached, by qualified name, with the reason no rebuild is made. */
    private final Map<String, String> unordered = new HashMap<>();

    TableDdl(DdlContext context) {
        this.context = context;
        this.plan = context.plan();
        this.before = byName(context.from().tables(), Table::name);
        this.after = byName(context.to().tables(), Table::name);
        for (Table old : before.values()) {
            Table now = after.get(old.name());
            if (now == null) {
                reshaped.add(old.name());
                continue;
            }
            for (Column column : old.columns()) {
                Column target = now.column(column.columnName()).orElse(null);
                if (target == null || retyped(column, target) || regenerated(column, target)) {
                    reshaped.add(old.name());
                }
                if (target != null && retyped(column, target)) rekeyed.add(old.name());
            }
            for (Constraint constraint : old.constraints()) {
                if (constraint.type() != ConstraintType.FOREIGN_KEY && constraint.type() != ConstraintType.CHECK
                        && mustRecreate(constraint, now)) {
                    rekeyed.add(old.name());
                }
            }
            for (Index index : old.indexes()) {
                if (index.constraint() == null && mustRecreate(index, now)) rekeyed.add(old.name());
            }
            if (inPlaceOrder(old, now).equals(now.columnOrder())) continue;
            String obstacle = TableRebuild.obstacle(context, old, now);
            if (obstacle != null) {
                unordered.put(old.name(), obstacle);
            } else {
                // Views over the table go and come back; foreign keys to it are dropped and added again.
                rebuilt.add(old.name());
                reshaped.add(old.name());
                rekeyed.add(old.name());
            }
        }
    }

    static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) map.put(name.apply(item), item);
        return map;
    }

    /** {@return the tables dropped or with columns dropped or converted, by qualified name} */
    Set<String> reshapedTables() {
        return reshaped;
    }

    void emit() {
        dropRemoved();
        for (Table now : after.values()) {
            Table old = before.get(now.name());
            if (old != null && rebuilt.contains(now.name())) {
                new TableRebuild(context, this).emit(old, now);
            } else if (old != null) {
                alter(old, now);
            }
        }
        for (Table now : parentsFirst()) {
            if (!before.containsKey(now.name())) create(now);
        }
    }

    private void dropRemoved() {
        List<String> removed = before.values().stream().filter(old -> !after.containsKey(old.name()))
                .filter(old -> old.partitionOf() == null || after.containsKey(old.partitionOf()))
                .map(Table::name).toList();
        // One statement, so that tables referencing each other or inheriting from each other go together.
        if (!removed.isEmpty()) plan.add(Phase.DROP_TABLES, DdlStatement.destructive("DROP TABLE "
                + String.join(", ", removed)));
    }

    private List<Table> parentsFirst() {
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Table table : after.values()) place(table, placed, ordered);
        return ordered;
    }

    private void place(Table table, Set<String> placed, List<Table> ordered) {
        if (!placed.add(table.name())) return;
        List<String> parents = new ArrayList<>(table.inherits());
        if (table.partitionOf() != null) parents.add(table.partitionOf());
        for (String parent : parents) {
            Table parentTable = after.get(parent);
            if (parentTable != null) place(parentTable, placed, ordered);
        }
        ordered.add(table);
    }

    private void create(Table table) {
        createTable(table, Phase.CREATE_TABLES);
        rowSecurity(table, Phase.CREATE_TABLES);
        createParts(table);
    }

    /** The CREATE TABLE statement with its columns in order, in {@code phase}. */
    void createTable(Table table, Phase phase) {
        StringBuilder sql = new StringBuilder("CREATE ").append(table.unlogged() ? "UNLOGGED " : "")
                .append("TABLE ").append(table.name());
        if (table.partitionOf() != null) {
            sql.append(" PARTITION OF ").append(table.partitionOf()).append(' ').append(table.partitionBound());
        } else {
            List<String> columns = table.columns().stream().filter(column -> !column.inherited())
                    .map(column -> columnDefinition(table, column)).toList();
            sql.append(" (").append(columns.isEmpty() ? "" : "\n    " + String.join(",\n    ", columns) + "\n")
                    .append(")");
            if (!table.inherits().isEmpty()) sql.append(" INHERITS (").append(String.join(", ", table.inherits()))
                    .append(")");
        }
        if (table.partitionKey() != null) sql.append(" PARTITION BY ").append(table.partitionKey());
        if (!table.options().isEmpty()) sql.append(" WITH (").append(String.join(", ", table.options())).append(")");
        plan.add(phase, sql.toString());
    }

    /** Row-level security switched on as the table wants it, in {@code phase}. */
    void rowSecurity(Table table, Phase phase) {
        if (table.rowSecurity()) plan.add(phase, alter(table, "ENABLE ROW LEVEL SECURITY"));
        if (table.forceRowSecurity()) plan.add(phase, alter(table, "FORCE ROW LEVEL SECURITY"));
    }

    /** Comments, constraints, indexes, foreign keys, triggers, policies and grants of a table created afresh. */
    void createParts(Table table) {
        Grants.between(plan, "TABLE " + table.name(), List.of(), table.grants());
        if (table.comment() != null) plan.add(Phase.COMMENTS, ObjectSql.comment("TABLE " + table.name(),
                table.comment()));
        for (Column column : table.columns()) {
            if (column.comment() != null && !column.inherited()) commentColumn(table, column);
            Grants.betweenOnColumn(plan, table.name(), column.name(), List.of(), column.grants());
        }
        for (Constraint constraint : table.constraints()) addConstraint(table, constraint);
        for (Index index : table.indexes()) createIndex(table, index);
        for (Trigger trigger : table.triggers()) createTrigger(table.name(), trigger);
        for (Policy policy : table.policies()) createPolicy(table, policy);
    }

    String columnDefinition(Table table, Column column) {
        StringBuilder sql = new StringBuilder(column.name()).append(' ').append(column.type());
        if (column.collation() != null) sql.append(" COLLATE ").append(column.collation());
        if (column.generated() != null) sql.append(" GENERATED ALWAYS AS (").append(column.generated())
                .append(") STORED");
        if (column.identity() != null) sql.append(identity(table, column));
        if (column.defaultExpression() != null) sql.append(" DEFAULT ").append(column.defaultExpression());
        if (column.notNull()) sql.append(" NOT NULL");
        return sql.toString();
    }

    private String identity(Table table, Column column) {
        String owner = table.name() + "." + column.name();
        String options = context.to().sequences().stream()
                .filter(sequence -> sequence.identity() && owner.equals(sequence.ownedBy())).findFirst()
                .map(ObjectSql::identityOptions).orElse("");
        return " GENERATED " + ObjectSql.identityWord(column.identity()) + " AS IDENTITY" + options;
    }

    private void alter(Table old, Table now) {
        alterProperties(old, now);
        for (Column column : old.columns()) {
            if (column.inherited()) continue;
            Column target = now.column(column.columnName()).orElse(null);
            if (target == null || target.inherited()) {
                plan.add(Phase.ALTER_TABLES, DdlStatement.destructive(alter(old, "DROP COLUMN " + column.name())));
            } else if (regenerated(column, target)) {
                plan.add(Phase.ALTER_TABLES, alter(old, "DROP COLUMN " + column.name()));
                plan.add(Phase.ALTER_TABLES, alter(old, "ADD COLUMN " + columnDefinition(now, target)));
                if (target.comment() != null) commentColumn(now, target);
            } else {
                alterColumn(now, column, target);
            }
        }
        for (Column column : now.columns()) {
            if (column.inherited() || old.column(column.columnName()).isPresent()) continue;
            plan.add(Phase.ALTER_TABLES, alter(old, "ADD COLUMN " + columnDefinition(now, column)));
            if (column.comment() != null) commentColumn(now, column);
        }
        alterColumnGrants(old, now);
        warnAboutColumnOrder(old, now);
        alterConstraints(old, now);
        alterIndexes(old, now);
        alterTriggers(old.name(), old.triggers(), now.triggers());
        alterPolicies(old, now);
    }

    private void alterProperties(Table old, Table now) {
        if (!Objects.equals(old.partitionKey(), now.partitionKey()) || old.partitioned() != now.partitioned()
                || !Objects.equals(old.partitionOf(), now.partitionOf())
                || !Objects.equals(old.partitionBound(), now.partitionBound())
                || !old.inherits().equals(now.inherits())) {
            plan.warn("table " + now.name() + ": its partitioning or inheritance differs; changing it needs the table"
                    + " rebuilt (or detached and attached), which this script does not do");
        }
        if (old.unlogged() != now.unlogged()) {
            plan.add(Phase.ALTER_TABLES, alter(now, now.unlogged() ? "SET UNLOGGED" : "SET LOGGED"));
        }
        List<String> set = now.options().stream().filter(option -> !old.options().contains(option)).toList();
        Set<String> keys = now.options().stream().map(TableDdl::optionKey).collect(Collectors.toSet());
        List<String> reset = old.options().stream().map(TableDdl::optionKey).filter(key -> !keys.contains(key))
                .toList();
        if (!reset.isEmpty()) plan.add(Phase.ALTER_TABLES, alter(now, "RESET (" + String.join(", ", reset) + ")"));
        if (!set.isEmpty()) plan.add(Phase.ALTER_TABLES, alter(now, "SET (" + String.join(", ", set) + ")"));
        if (old.rowSecurity() != now.rowSecurity()) {
            plan.add(Phase.ALTER_TABLES, alter(now, (now.rowSecurity() ? "ENABLE" : "DISABLE")
                    + " ROW LEVEL SECURITY"));
        }
        if (old.forceRowSecurity() != now.forceRowSecurity()) {
            plan.add(Phase.ALTER_TABLES, alter(now, (now.forceRowSecurity() ? "" : "NO ")
                    + "FORCE ROW LEVEL SECURITY"));
        }
        if (!Objects.equals(old.comment(), now.comment())) {
            plan.add(Phase.COMMENTS, ObjectSql.comment("TABLE " + now.name(), now.comment()));
        }
        Grants.between(plan, "TABLE " + now.name(), old.grants(), now.grants());
    }

    private static String optionKey(String option) {
        int equals = option.indexOf('=');
        return equals < 0 ? option : option.substring(0, equals);
    }

    private void alterColumn(Table table, Column old, Column now) {
        String column = "ALTER COLUMN " + now.name() + " ";
        boolean retyped = retyped(old, now);
        boolean defaultDropped = false;
        if (old.defaultExpression() != null && context.namesRebuilt(old.defaultExpression()) && !retyped) {
            plan.add(Phase.DROP_TABLE_PARTS, alter(table, column + "DROP DEFAULT"));
            defaultDropped = true;
        }
        if (old.identity() != null && now.identity() == null) {
            plan.add(Phase.ALTER_TABLES, alter(table, column + "DROP IDENTITY"));
        }
        if (retyped) {
            if (old.defaultExpression() != null) {
                plan.add(Phase.ALTER_TABLES, alter(table, column + "DROP DEFAULT"));
                defaultDropped = true;
            }
            String sql = alter(table, column + "TYPE " + now.type()
                    + (now.collation() == null ? "" : " COLLATE " + now.collation())
                    + " USING " + converted(table, old, now));
            plan.add(Phase.ALTER_TABLES, new DdlStatement(sql, lossy(old, now), true));
        }
        if (!Objects.equals(old.defaultExpression(), now.defaultExpression()) || defaultDropped) {
            if (now.defaultExpression() != null) {
                plan.add(Phase.ALTER_TABLES, alter(table, column + "SET DEFAULT " + now.defaultExpression()));
            } else if (!defaultDropped) {
                plan.add(Phase.ALTER_TABLES, alter(table, column + "DROP DEFAULT"));
            }
        }
        if (old.notNull() != now.notNull()) {
            plan.add(Phase.ALTER_TABLES, alter(table, column + (now.notNull() ? "SET" : "DROP") + " NOT NULL"));
        }
        if (now.identity() != null && old.identity() == null) {
            plan.add(Phase.ALTER_TABLES, alter(table, column + "ADD" + identity(table, now)));
        } else if (now.identity() != null && !now.identity().equals(old.identity())) {
            plan.add(Phase.ALTER_TABLES, alter(table, column + "SET GENERATED "
                    + ObjectSql.identityWord(now.identity())));
        }
        if (!Objects.equals(old.comment(), now.comment())) commentColumn(table, now);
    }

    /**
     * The privileges on single columns: granted afresh on a column that is added or dropped and added again (its
     * privileges went with it), changed on one that stays. Inherited columns too: their privileges are the
     * child table's own.
     */
    private void alterColumnGrants(Table old, Table now) {
        for (Column column : now.columns()) {
            Column before = old.column(column.columnName()).orElse(null);
            boolean addedAgain = before == null || !before.inherited() && (column.inherited()
                    || regenerated(before, column));
            Grants.betweenOnColumn(plan, now.name(), column.name(), addedAgain ? List.of() : before.grants(),
                    column.grants());
        }
    }

    /**
     * {@return the expression that converts the value of column {@code old} to the type of {@code now}: a plain cast
     * where one is known, else through text (an enum always, since its type may be rebuilt), with a warning}
     */
    String converted(Table table, Column old, Column now) {
        boolean fromEnum = context.isRebuiltEnum(old.type()) || isEnum(context.from(), old.type());
        boolean viaText = fromEnum;
        if (!viaText && !Casts.direct(old.type(), now.type()) && !isEnum(context.to(), now.type())) {
            viaText = true;
            plan.warn("column " + table.name() + "." + now.name() + ": no direct cast from " + old.type()
                    + " to " + now.type() + " is known, so the script converts through text, which fails for"
                    + " values whose text form is not a valid " + now.type() + "; write the USING expression"
                    + " yourself if the column holds data");
        }
        // An enum array converts element by element; anything else reads its whole text form.
        String through = !viaText ? "" : fromEnum && old.type().endsWith("[]") ? "::text[]" : "::text";
        return now.name() + through + "::" + now.type();
    }

    /** A conversion loses or refuses values unless it only widens: an enum losing labels, a narrower type. */
    boolean lossy(Column old, Column now) {
        return !old.type().equals(now.type()) || context.isRebuiltEnum(now.type());
    }

    private static boolean isEnum(SchemaModel model, String type) {
        String element = type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
        return model.enums().stream().anyMatch(e -> e.name().equals(element));
    }

    boolean retyped(Column old, Column now) {
        return !old.type().equals(now.type()) || !Objects.equals(old.collation(), now.collation())
                || context.isRebuiltEnum(now.type());
    }

    static boolean regenerated(Column old, Column now) {
        return !Objects.equals(old.generated(), now.generated());
    }

    /**
     * {@return the column order that altering {@code old} in place gives: its columns that stay (inherited ones too),
     * then the added and the re-created ones, which PostgreSQL appends}
     */
    static List<String> inPlaceOrder(Table old, Table now) {
        List<String> reached = new ArrayList<>();
        for (Column column : old.columns()) {
            Column target = now.column(column.columnName()).orElse(null);
            if (target == null) continue;
            if (column.inherited() || !target.inherited() && !regenerated(column, target)) {
                reached.add(column.columnName());
            }
        }
        for (Column column : now.columns()) {
            if (!reached.contains(column.columnName())) reached.add(column.columnName());
        }
        return reached;
    }

    private void warnAboutColumnOrder(Table old, Table now) {
        String reason = unordered.get(now.name());
        if (reason == null) return;
        plan.warn("table " + now.name() + ": the columns end up in the order " + String.join(", ",
                inPlaceOrder(old, now)) + " rather than " + String.join(", ", now.columnOrder()) + "; PostgreSQL"
                + " reorders columns only by rebuilding the table, which this script does not do for " + reason);
    }

    private void alterConstraints(Table old, Table now) {
        Map<String, Constraint> targets = byName(now.constraints(), Constraint::constraintName);
        Set<String> present = new HashSet<>();
        for (Constraint constraint : old.constraints()) {
            if (constraint.inherited()) continue;
            Constraint target = targets.get(constraint.constraintName());
            if (target != null && !target.inherited() && !mustRecreate(constraint, now)) {
                present.add(target.constraintName());
                if (!constraint.validated() && target.validated()) {
                    Phase phase = target.type() == ConstraintType.FOREIGN_KEY ? Phase.ADD_FOREIGN_KEYS
                            : Phase.ADD_CONSTRAINTS;
                    plan.add(phase, alter(now, "VALIDATE CONSTRAINT " + target.name()));
                }
                if (!Objects.equals(constraint.comment(), target.comment())) commentConstraint(now, target);
                continue;
            }
            Phase phase = constraint.type() == ConstraintType.FOREIGN_KEY ? Phase.DROP_FOREIGN_KEYS
                    : Phase.DROP_CONSTRAINTS;
            plan.add(phase, alter(old, "DROP CONSTRAINT " + constraint.name()));
        }
        for (Constraint target : now.constraints()) {
            if (!present.contains(target.constraintName())) addConstraint(now, target);
        }
    }

    private boolean mustRecreate(Constraint constraint, Table now) {
        Constraint target = now.constraints().stream()
                .filter(c -> c.constraintName().equals(constraint.constraintName())).findFirst().orElse(null);
        if (target == null || target.type() != constraint.type()
                || !target.definition().equals(constraint.definition())
                || (constraint.validated() && !target.validated()) || context.namesRebuilt(constraint.definition())) {
            return true;
        }
        if (constraint.type() != ConstraintType.FOREIGN_KEY) return false;
        return rekeyed.contains(now.name()) || rekeyed.contains(constraint.references())
                || !after.containsKey(constraint.references());
    }

    private void addConstraint(Table table, Constraint constraint) {
        if (constraint.inherited()) return;
        Phase phase = constraint.type() == ConstraintType.FOREIGN_KEY ? Phase.ADD_FOREIGN_KEYS
                : Phase.ADD_CONSTRAINTS;
        plan.add(phase, alter(table, "ADD CONSTRAINT " + constraint.name() + " " + constraint.definition()
                + (constraint.validated() ? "" : " NOT VALID")));
        if (constraint.comment() != null) commentConstraint(table, constraint);
        table.indexes().stream().filter(index -> constraint.constraintName().equals(index.constraint())
                && index.comment() != null).forEach(index -> plan.add(Phase.COMMENTS,
                ObjectSql.comment(ObjectSql.indexTarget(table.schema(), index), index.comment())));
    }

    private void alterIndexes(Table old, Table now) {
        Map<String, Index> targets = byName(now.indexes(), Index::indexName);
        Set<String> present = new HashSet<>();
        for (Index index : old.indexes()) {
            Index target = targets.get(index.indexName());
            if (index.constraint() != null || index.parentIndex() != null) {
                boolean constraintKept = target != null && target.constraint() != null && old.constraints().stream()
                        .anyMatch(c -> c.constraintName().equals(target.constraint()) && !mustRecreate(c, now));
                if (target != null && (constraintKept || target.parentIndex() != null)) present.add(index.indexName());
                if (constraintKept && !Objects.equals(index.comment(), target.comment())) {
                    plan.add(Phase.COMMENTS, ObjectSql.comment(ObjectSql.indexTarget(now.schema(), target),
                            target.comment()));
                }
                continue;
            }
            if (target != null && !mustRecreate(index, now)) {
                present.add(index.indexName());
                if (!Objects.equals(index.comment(), target.comment())) {
                    plan.add(Phase.COMMENTS, ObjectSql.comment(ObjectSql.indexTarget(now.schema(), target),
                            target.comment()));
                }
                continue;
            }
            plan.add(Phase.DROP_CONSTRAINTS, "DROP " + ObjectSql.indexTarget(old.schema(), index));
        }
        for (Index target : now.indexes()) {
            if (!present.contains(target.indexName())) createIndex(now, target);
        }
    }

    private boolean mustRecreate(Index index, Table now) {
        Index target = now.indexes().stream().filter(i -> i.indexName().equals(index.indexName())).findFirst()
                .orElse(null);
        return target == null || !target.definition().equals(index.definition()) || target.valid() != index.valid()
                || target.constraint() != null || context.namesRebuilt(index.definition());
    }

    private void createIndex(Table table, Index index) {
        if (index.constraint() != null || index.parentIndex() != null) return;
        if (!index.valid()) {
            plan.warn("index " + index.name() + " on " + table.name() + " is invalid in the target (a failed"
                    + " concurrent build); this script builds it valid");
        }
        plan.add(Phase.ADD_INDEXES, ObjectSql.createIndex(index));
        if (index.comment() != null) {
            plan.add(Phase.COMMENTS, ObjectSql.comment(ObjectSql.indexTarget(table.schema(), index), index.comment()));
        }
    }

    /** Triggers of a kept table or view: changed ones, and those calling a replaced routine, dropped and re-created. */
    void alterTriggers(String relation, List<Trigger> old, List<Trigger> now) {
        Map<String, Trigger> targets = byName(now, Trigger::triggerName);
        Set<String> present = new HashSet<>();
        for (Trigger trigger : old) {
            if (trigger.inherited()) continue;
            Trigger target = targets.get(trigger.triggerName());
            if (target != null && !target.inherited() && target.definition().equals(trigger.definition())
                    && !context.namesRebuilt(trigger.definition())) {
                present.add(target.triggerName());
                if (!target.enabled().equals(trigger.enabled())) {
                    String status = ObjectSql.triggerStatus(relation, target);
                    plan.add(Phase.TRIGGERS_AND_POLICIES, status != null ? status
                            : "ALTER TABLE " + relation + " ENABLE TRIGGER " + target.name());
                }
                if (!Objects.equals(trigger.comment(), target.comment())) commentTrigger(relation, target);
                continue;
            }
            plan.add(Phase.DROP_TABLE_PARTS, "DROP TRIGGER " + trigger.name() + " ON " + relation);
        }
        for (Trigger target : now) {
            if (!present.contains(target.triggerName())) createTrigger(relation, target);
        }
    }

    void createTrigger(String relation, Trigger trigger) {
        if (trigger.inherited()) return;
        plan.add(Phase.TRIGGERS_AND_POLICIES, trigger.definition());
        String status = ObjectSql.triggerStatus(relation, trigger);
        if (status != null) plan.add(Phase.TRIGGERS_AND_POLICIES, status);
        if (trigger.comment() != null) commentTrigger(relation, trigger);
    }

    private void alterPolicies(Table old, Table now) {
        Map<String, Policy> targets = byName(now.policies(), Policy::policyName);
        Set<String> present = new HashSet<>();
        for (Policy policy : old.policies()) {
            Policy target = targets.get(policy.policyName());
            if (target != null && sameApartFromComment(policy, target)) {
                present.add(target.policyName());
                if (!Objects.equals(policy.comment(), target.comment())) commentPolicy(now, target);
                continue;
            }
            plan.add(Phase.DROP_TABLE_PARTS, "DROP POLICY " + policy.name() + " ON " + old.name());
        }
        for (Policy target : now.policies()) {
            if (!present.contains(target.policyName())) createPolicy(now, target);
        }
    }

    private boolean sameApartFromComment(Policy old, Policy now) {
        return old.command().equals(now.command()) && old.permissive() == now.permissive()
                && old.roles().equals(now.roles()) && Objects.equals(old.using(), now.using())
                && Objects.equals(old.withCheck(), now.withCheck()) && !context.namesRebuilt(old.using())
                && !context.namesRebuilt(old.withCheck());
    }

    private void createPolicy(Table table, Policy policy) {
        plan.add(Phase.TRIGGERS_AND_POLICIES, ObjectSql.createPolicy(table.name(), policy));
        if (policy.comment() != null) commentPolicy(table, policy);
    }

    private void commentColumn(Table table, Column column) {
        plan.add(Phase.COMMENTS, ObjectSql.comment("COLUMN " + table.name() + "." + column.name(), column.comment()));
    }

    private void commentConstraint(Table table, Constraint constraint) {
        plan.add(Phase.COMMENTS, ObjectSql.comment("CONSTRAINT " + constraint.name() + " ON " + table.name(),
                constraint.comment()));
    }

    private void commentTrigger(String relation, Trigger trigger) {
        plan.add(Phase.COMMENTS, ObjectSql.comment("TRIGGER " + trigger.name() + " ON " + relation,
                trigger.comment()));
    }

    private void commentPolicy(Table table, Policy policy) {
        plan.add(Phase.COMMENTS, ObjectSql.comment("POLICY " + policy.name() + " ON " + table.name(),
                policy.comment()));
    }

    static String alter(Table table, String action) {
        return "ALTER TABLE " + table.name() + " " + action;
    }
}
