package dev.slipway.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A random schema in schema {@code gen}, and random changes to it: enums, tables with random columns, types,
 * defaults, NOT NULL, primary keys (plain, serial or identity), unique and check constraints, indexes, foreign keys
 * between the tables, views over tables and over other views, and a SQL function used by a check and a view; a
 * change may also move a column, which only a rebuild of the table reaches.
 * {@link #sql()} prints it for an empty database. A mutable value; {@link #copy()} before changing.
 */
final class GeneratedSchema {
    private static final List<String> TYPES = List.of("integer", "bigint", "text", "character varying(40)", "boolean",
            "numeric(10,2)", "timestamp with time zone", "date", "jsonb");

    /** A column; {@code type} is a SQL type or an enum's name. */
    static final class Col {
        String name;
        String type;
        boolean notNull;
        boolean withDefault;

        Col copy() {
            Col c = new Col();
            c.name = name;
            c.type = type;
            c.notNull = notNull;
            c.withDefault = withDefault;
            return c;
        }
    }

    /** A table; its key column {@code id} is plain, serial or identity. */
    static final class Tab {
        String name;
        String idType = "integer";
        String idKind = "plain";
        List<Col> columns = new ArrayList<>();
        List<String> uniques = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        Map<String, String> foreignKeys = new LinkedHashMap<>();

        Tab copy() {
            Tab t = new Tab();
            t.name = name;
            t.idType = idType;
            t.idKind = idKind;
            columns.forEach(c -> t.columns.add(c.copy()));
            t.uniques.addAll(uniques);
            t.indexes.addAll(indexes);
            t.checks.addAll(checks);
            t.foreignKeys.putAll(foreignKeys);
            return t;
        }

        Col column(String name) {
            return columns.stream().filter(c -> c.name.equals(name)).findFirst().orElse(null);
        }
    }

    /** A view selecting {@code columns} of a table or another view. */
    record ViewDef(String name, String over, List<String> columns, String where) {
    }

    final Map<String, List<String>> enums = new LinkedHashMap<>();
    final Map<String, Tab> tables = new LinkedHashMap<>();
    final List<ViewDef> views = new ArrayList<>();
    String functionResult = "integer";
    int functionFactor = 2;
    private int counter;

    static GeneratedSchema random(Random random) {
        GeneratedSchema schema = new GeneratedSchema();
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) schema.addEnum(random);
        for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) schema.addTable(random);
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) schema.addView(random);
        return schema;
    }

    GeneratedSchema copy() {
        GeneratedSchema copy = new GeneratedSchema();
        enums.forEach((name, labels) -> copy.enums.put(name, new ArrayList<>(labels)));
        tables.forEach((name, table) -> copy.tables.put(name, table.copy()));
        copy.views.addAll(views);
        copy.functionResult = functionResult;
        copy.functionFactor = functionFactor;
        copy.counter = counter + 1000;
        return copy;
    }

    /** Applies one to four random changes and describes them. */
    List<String> mutate(Random random) {
        List<String> done = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) done.add(mutateOnce(random));
        dropViewsWithMissingColumns();
        return done;
    }

    private String mutateOnce(Random random) {
        List<Tab> all = new ArrayList<>(tables.values());
        Tab table = all.get(random.nextInt(all.size()));
        switch (random.nextInt(18)) {
            case 0 -> {
                return "add table " + addTable(random).name;
            }
            case 1 -> {
                if (tables.size() < 2) return "kept the tables";
                removeTable(table.name);
                return "drop table " + table.name;
            }
            case 2 -> {
                return "add column " + table.name + "." + addColumn(random, table).name;
            }
            case 3 -> {
                if (table.columns.isEmpty()) return "no column to drop";
                Col col = table.columns.get(random.nextInt(table.columns.size()));
                dropColumn(table, col.name);
                return "drop column " + table.name + "." + col.name;
            }
            case 4 -> {
                List<Col> own = table.columns.stream().filter(c -> !table.foreignKeys.containsKey(c.name)).toList();
                if (own.isEmpty()) return "no column to retype";
                Col col = own.get(random.nextInt(own.size()));
                String before = col.type;
                col.type = wider(col.type);
                col.withDefault = random.nextBoolean();
                String name = col.name;
                table.checks.removeIf(check -> check.equals(name));
                return "retype " + table.name + "." + col.name + " " + before + " -> " + col.type;
            }
            case 5 -> {
                if (table.columns.isEmpty()) return "no column";
                Col col = table.columns.get(random.nextInt(table.columns.size()));
                col.notNull = !col.notNull;
                col.withDefault = !col.withDefault;
                return "toggle not null and default of " + table.name + "." + col.name;
            }
            case 6 -> {
                return toggleFrom(random, table, table.uniques, "unique");
            }
            case 7 -> {
                return toggleFrom(random, table, table.indexes, "index");
            }
            case 8 -> {
                List<String> numeric = table.columns.stream().filter(c -> isNumeric(c.type)).map(c -> c.name)
                        .toList();
                if (numeric.isEmpty()) return "no check possible";
                String col = numeric.get(random.nextInt(numeric.size()));
                if (!table.checks.remove(col)) table.checks.add(col);
                return "toggle check on " + table.name + "." + col;
            }
            case 9 -> {
                String name = List.copyOf(enums.keySet()).get(random.nextInt(enums.size()));
                List<String> labels = enums.get(name);
                labels.add(random.nextInt(labels.size() + 1), "l" + counter++);
                return "add label to " + name;
            }
            case 10 -> {
                String name = List.copyOf(enums.keySet()).get(random.nextInt(enums.size()));
                List<String> labels = enums.get(name);
                if (labels.size() < 3) return "enum too short to lose a label";
                labels.remove(random.nextInt(labels.size()));
                return "remove label from " + name;
            }
            case 11 -> {
                return "add view " + addView(random);
            }
            case 12 -> {
                if (views.isEmpty()) return "no view";
                ViewDef view = views.get(random.nextInt(views.size()));
                List<String> source = columnsOf(view.over());
                List<String> columns = new ArrayList<>(view.columns());
                String extra = source.stream().filter(c -> !columns.contains(c)).findFirst().orElse(null);
                if (random.nextBoolean() && extra != null) columns.add(extra);
                else if (columns.size() > 1) columns.remove(1 + random.nextInt(columns.size() - 1));
                views.set(views.indexOf(view), new ViewDef(view.name(), view.over(), columns,
                        random.nextBoolean() ? "id > " + random.nextInt(100) : view.where()));
                dropViewsWithMissingColumns();
                return "change view " + view.name();
            }
            case 13 -> {
                functionFactor = 2 + random.nextInt(20);
                if (random.nextInt(3) == 0) functionResult = functionResult.equals("integer") ? "bigint" : "integer";
                return "change function to " + functionResult + " * " + functionFactor;
            }
            case 14 -> {
                Tab target = all.get(random.nextInt(all.size()));
                String col = "ref_" + target.name;
                if (table.foreignKeys.remove(col) != null) {
                    dropColumn(table, col);
                    return "drop foreign key " + table.name + "." + col;
                }
                if (table == target || table.column(col) != null) return "no foreign key";
                Col ref = new Col();
                ref.name = col;
                ref.type = target.idType;
                table.columns.add(ref);
                table.foreignKeys.put(col, target.name);
                return "add foreign key " + table.name + "." + col + " -> " + target.name;
            }
            case 15 -> {
                table.idType = table.idType.equals("integer") ? "bigint" : "integer";
                for (Tab other : tables.values()) {
                    other.foreignKeys.forEach((col, to) -> {
                        if (to.equals(table.name)) other.column(col).type = table.idType;
                    });
                }
                return "key of " + table.name + " becomes " + table.idType;
            }
            case 17 -> {
                if (table.columns.size() < 2) return "no column to move";
                Col col = table.columns.remove(1 + random.nextInt(table.columns.size() - 1));
                table.columns.add(0, col);
                return "move column " + table.name + "." + col.name + " to the front";
            }
            default -> {
                if (table.idKind.equals("serial")) return "serial key kept";
                table.idKind = table.idKind.equals("plain") ? "identity" : "plain";
                return "key of " + table.name + " becomes " + table.idKind;
            }
        }
    }

    private String toggleFrom(Random random, Tab table, List<String> list, String what) {
        List<String> candidates = table.columns.stream().filter(c -> !c.type.equals("jsonb")).map(c -> c.name)
                .toList();
        if (candidates.isEmpty()) return "no " + what + " possible";
        String col = candidates.get(random.nextInt(candidates.size()));
        if (!list.remove(col)) list.add(col);
        return "toggle " + what + " on " + table.name + "." + col;
    }

    private void addEnum(Random random) {
        List<String> labels = new ArrayList<>();
        for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) labels.add("l" + counter++);
        enums.put("mood" + counter++, labels);
    }

    private Tab addTable(Random random) {
        Tab table = new Tab();
        table.name = "t" + counter++;
        table.idType = random.nextBoolean() ? "integer" : "bigint";
        table.idKind = List.of("plain", "serial", "identity").get(random.nextInt(3));
        for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) addColumn(random, table);
        if (!tables.isEmpty() && random.nextBoolean()) {
            Tab target = List.copyOf(tables.values()).get(random.nextInt(tables.size()));
            Col ref = new Col();
            ref.name = "ref_" + target.name;
            ref.type = target.idType;
            ref.notNull = random.nextBoolean();
            table.columns.add(ref);
            table.foreignKeys.put(ref.name, target.name);
        }
        for (Col col : table.columns) {
            if (col.type.equals("jsonb")) continue;
            int pick = random.nextInt(6);
            if (pick == 0) table.uniques.add(col.name);
            if (pick == 1) table.indexes.add(col.name);
            if (pick == 2 && isNumeric(col.type)) table.checks.add(col.name);
        }
        tables.put(table.name, table);
        return table;
    }

    private Col addColumn(Random random, Tab table) {
        Col col = new Col();
        col.name = "c" + counter++;
        int pick = random.nextInt(TYPES.size() + enums.size());
        col.type = pick < TYPES.size() ? TYPES.get(pick) : List.copyOf(enums.keySet()).get(pick - TYPES.size());
        col.withDefault = random.nextBoolean();
        col.notNull = col.withDefault && random.nextBoolean();
        table.columns.add(col);
        return col;
    }

    private String addView(Random random) {
        List<String> sources = new ArrayList<>(tables.keySet());
        views.forEach(v -> sources.add(v.name()));
        String over = sources.get(random.nextInt(sources.size()));
        List<String> available = columnsOf(over);
        List<String> columns = new ArrayList<>(List.of("id"));
        for (String col : available) {
            if (!col.equals("id") && random.nextBoolean()) columns.add(col);
        }
        String name = "v" + counter++;
        views.add(new ViewDef(name, over, columns, random.nextBoolean() ? "id > " + random.nextInt(100) : null));
        return name;
    }

    /** Columns a view may select from {@code source}; a view's own columns always include id. */
    private List<String> columnsOf(String source) {
        Tab table = tables.get(source);
        if (table != null) {
            List<String> columns = new ArrayList<>(List.of("id"));
            table.columns.forEach(c -> columns.add(c.name));
            if (table.columns.stream().anyMatch(c -> isInteger(c.type))) columns.add("score");
            return columns;
        }
        ViewDef view = views.stream().filter(v -> v.name().equals(source)).findFirst().orElseThrow();
        List<String> columns = new ArrayList<>(List.of("id"));
        view.columns().stream().filter(c -> !c.equals("id")).forEach(columns::add);
        return columns;
    }

    private void removeTable(String name) {
        tables.remove(name);
        for (Tab other : tables.values()) {
            List<String> refs = other.foreignKeys.entrySet().stream().filter(e -> e.getValue().equals(name))
                    .map(Map.Entry::getKey).toList();
            refs.forEach(col -> dropColumn(other, col));
        }
        dropViewsWithMissingColumns();
    }

    private void dropColumn(Tab table, String name) {
        table.columns.removeIf(c -> c.name.equals(name));
        table.uniques.remove(name);
        table.indexes.remove(name);
        table.checks.remove(name);
        table.foreignKeys.remove(name);
        dropViewsWithMissingColumns();
    }

    /** Views whose source is gone lose it; columns no longer there leave the view's select list. */
    private void dropViewsWithMissingColumns() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < views.size(); i++) {
                ViewDef view = views.get(i);
                boolean sourceExists = tables.containsKey(view.over())
                        || views.stream().anyMatch(v -> v.name().equals(view.over()));
                if (!sourceExists) {
                    views.remove(i);
                    changed = true;
                    break;
                }
                List<String> available = columnsOf(view.over());
                List<String> kept = view.columns().stream().filter(available::contains).toList();
                if (kept.size() != view.columns().size()) {
                    views.set(i, new ViewDef(view.name(), view.over(), kept.isEmpty() ? List.of("id") : kept,
                            view.where()));
                    changed = true;
                }
            }
        }
    }

    private static String wider(String type) {
        return switch (type) {
            case "integer" -> "bigint";
            case "bigint" -> "numeric(20,0)";
            case "text" -> "character varying(40)";
            case "character varying(40)" -> "text";
            case "numeric(10,2)" -> "numeric(12,2)";
            case "date" -> "timestamp with time zone";
            default -> "text";
        };
    }

    private static boolean isNumeric(String type) {
        return type.equals("integer") || type.equals("bigint") || type.startsWith("numeric");
    }

    private static boolean isInteger(String type) {
        return type.equals("integer");
    }

    private String defaultFor(Col col) {
        if (enums.containsKey(col.type)) return "'" + enums.get(col.type).get(0) + "'";
        return switch (col.type) {
            case "integer", "bigint", "numeric(10,2)", "numeric(12,2)", "numeric(20,0)" -> "7";
            case "boolean" -> "true";
            case "timestamp with time zone" -> "now()";
            case "date" -> "CURRENT_DATE";
            case "jsonb" -> "'{}'";
            default -> "'x'";
        };
    }

    private String type(Col col) {
        return enums.containsKey(col.type) ? "gen." + col.type : col.type;
    }

    /** {@return the SQL that builds the schema in an empty database} */
    String sql() {
        List<String> sql = new ArrayList<>();
        sql.add("create schema gen");
        enums.forEach((name, labels) -> sql.add("create type gen." + name + " as enum ("
                + labels.stream().map(l -> "'" + l + "'").collect(Collectors.joining(", ")) + ")"));
        sql.add("create function gen.score(v integer) returns " + functionResult
                + " language sql immutable as $$ select (v * " + functionFactor + ")::" + functionResult + " $$");
        for (Tab table : tables.values()) {
            List<String> parts = new ArrayList<>();
            parts.add("id " + switch (table.idKind) {
                case "serial" -> table.idType.equals("integer") ? "serial" : "bigserial";
                case "identity" -> table.idType + " generated by default as identity";
                default -> table.idType;
            } + " primary key");
            for (Col col : table.columns) {
                parts.add(col.name + " " + type(col) + (col.withDefault ? " default " + defaultFor(col) : "")
                        + (col.notNull ? " not null" : ""));
            }
            for (String col : table.uniques) {
                parts.add("constraint " + table.name + "_" + col + "_key unique (" + col + ")");
            }
            for (String col : table.checks) {
                Col column = table.column(col);
                parts.add("constraint " + table.name + "_" + col + "_check check ("
                        + (isInteger(column.type) ? "gen.score(" + col + ") > -1000000" : col + " > -1000000") + ")");
            }
            sql.add("create table gen." + table.name + " (" + String.join(", ", parts) + ")");
            for (String col : table.indexes) {
                sql.add("create index " + table.name + "_" + col + "_idx on gen." + table.name + " (" + col + ")");
            }
        }
        for (Tab table : tables.values()) {
            table.foreignKeys.forEach((col, target) -> sql.add("alter table gen." + table.name + " add constraint "
                    + table.name + "_" + col + "_fkey foreign key (" + col + ") references gen." + target + " (id)"));
        }
        for (ViewDef view : views) {
            Tab table = tables.get(view.over());
            String integerColumn = table == null ? null : table.columns.stream().filter(c -> isInteger(c.type))
                    .map(c -> c.name).findFirst().orElse(null);
            List<String> select = view.columns().stream().map(c -> c.equals("score") && table != null
                    ? "gen.score(" + integerColumn + ") as score" : c).toList();
            sql.add("create view gen." + view.name() + " as select " + String.join(", ", select) + " from gen."
                    + view.over() + (view.where() == null ? "" : " where " + view.where()));
        }
        return String.join(";\n", sql);
    }
}
