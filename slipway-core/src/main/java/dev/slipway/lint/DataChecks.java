package dev.slipway.lint;

import dev.slipway.db.PgIdentifiers;
import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.ColumnDefinition;
import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.SqlStatement;
import dev.slipway.sql.TableConstraint;
import dev.slipway.sql.Token;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Predicts, before anything runs, where a statement would fail on today's rows: {@code SET NOT NULL} with NULLs
 * present, a foreign key or {@code VALIDATE} with orphaned rows, a unique index or constraint with duplicates, a
 * {@code CHECK} the rows violate, a type some values cannot be cast to. Each check is a read-only query under the
 * session's time limit; on a very large table it reads a sample and says so. Not thread-safe; one per plan.
 */
final class DataChecks {
    /** How many example keys a prediction shows. */
    private static final int EXAMPLES = 5;
    /** The first major version with {@code pg_input_is_valid}. */
    private static final int INPUT_IS_VALID_SINCE = 16;

    private final Connection session;
    private final LiveCatalog catalog;
    private final int pgMajor;
    private final long sampleAboveRows;
    private final long countLimit;
    /** Constraints that earlier statements of the plan add NOT VALID, by table name and constraint name. */
    private final Map<String, TableConstraint> pendingNotValid = new HashMap<>();
    private final Map<String, SqlStatement> pendingStatements = new HashMap<>();

    DataChecks(Connection session, LiveCatalog catalog, int pgMajor, long sampleAboveRows, long countLimit) {
        this.session = session;
        this.catalog = catalog;
        this.pgMajor = pgMajor;
        this.sampleAboveRows = sampleAboveRows;
        this.countLimit = countLimit;
    }

    /**
     * {@return what today's rows say about the statement; empty when there is nothing to check}
     * @param command the statement
     * @param isNew   whether an earlier statement of the plan creates the table, so it has no rows today
     */
    List<PlanReport.Prediction> predict(SqlCommand command, Predicate<QualifiedName> isNew) {
        List<PlanReport.Prediction> predictions = new ArrayList<>();
        if (command instanceof SqlCommand.AlterTable alter && !isNew.test(alter.table())) {
            for (AlterTableAction action : alter.actions()) {
                predictions.addAll(predict(alter, action));
            }
        } else if (command instanceof SqlCommand.CreateIndex index && index.unique() && !index.columns().isEmpty()
                && !isNew.test(index.table())) {
            predictions.add(duplicates(index.table(), index.columns(), "CREATE UNIQUE INDEX"));
        }
        if (command instanceof SqlCommand.AlterTable alter) remember(alter);
        predictions.removeIf(p -> p == null);
        return predictions;
    }

    private List<PlanReport.Prediction> predict(SqlCommand.AlterTable alter, AlterTableAction action) {
        QualifiedName table = alter.table();
        if (action instanceof AlterTableAction.SetNotNull set) {
            String column = PgIdentifiers.quote(set.column());
            return List.of(offending("NULLs in " + table + "." + set.column(), table, "_t." + column + " is null",
                    List.of(), "SET NOT NULL fails: rows have " + set.column() + " NULL"));
        }
        if (action instanceof AlterTableAction.AddColumn add) {
            ColumnDefinition column = add.column();
            if (column.notNull() && !column.filledByServer()) {
                return List.of(offending("rows in " + table + " (the new column " + column.name() + " would be NULL"
                        + " in each)", table, "true", List.of(), "ADD COLUMN ... NOT NULL without a default fails"
                        + " because the table has rows"));
            }
            return List.of();
        }
        if (action instanceof AlterTableAction.AddConstraint add && !add.constraint().notValid()) {
            return List.of(constraint(alter.statement(), table, add.constraint(), "ADD CONSTRAINT"));
        }
        if (action instanceof AlterTableAction.ValidateConstraint validate) {
            return List.of(validate(table, validate.constraint()));
        }
        if (action instanceof AlterTableAction.AlterColumnType change && !change.using()) {
            if (pgMajor < INPUT_IS_VALID_SINCE) {
                return List.of(new PlanReport.Prediction(PlanReport.Outcome.NOT_CHECKED, "values of " + table + "."
                        + change.column() + " that cannot become " + change.type(), 0, List.of(), false,
                        "checking casts needs PostgreSQL 16 or later (pg_input_is_valid)"));
            }
            String column = PgIdentifiers.quote(change.column());
            return List.of(offending("values of " + table + "." + change.column() + " that cannot become "
                    + change.type(), table, "_t." + column + " is not null and not pg_input_is_valid(_t." + column
                    + "::text, " + PgIdentifiers.literal(change.type().toString()) + ")", List.of("_t." + column),
                    "the type change fails: values cannot be cast to " + change.type()));
        }
        return List.of();
    }

    private PlanReport.Prediction constraint(SqlStatement statement, QualifiedName table, TableConstraint constraint,
            String verb) {
        List<String> columns = constraint.columns().stream().map(PgIdentifiers::quote).toList();
        return switch (constraint.kind()) {
            case CHECK -> constraint.expression().isEmpty() ? null : offending("rows of " + table
                    + " that violate CHECK (" + constraint.expressionText() + ")", table,
                    "not (" + rawText(statement, constraint.expression()) + ")", List.of(),
                    verb + " fails: rows violate the check");
            case FOREIGN_KEY -> constraint.references() == null ? null
                    : orphans(table, columns, constraint.references().toString(), referencedColumns(constraint), verb);
            case UNIQUE, PRIMARY_KEY -> constraint.usingIndex() != null || columns.isEmpty() ? null
                    : duplicates(table, constraint.columns(), verb + (constraint.kind()
                    == TableConstraint.Kind.UNIQUE ? " UNIQUE" : " PRIMARY KEY"));
            case EXCLUDE, NOT_NULL -> null;
        };
    }

    private static List<String> referencedColumns(TableConstraint constraint) {
        return constraint.referencedColumns().stream().map(PgIdentifiers::quote).toList();
    }

    private PlanReport.Prediction validate(QualifiedName table, String name) {
        TableConstraint pending = pendingNotValid.get(table.name() + "." + name);
        if (pending != null) {
            return constraint(pendingStatements.get(table.name() + "." + name), table, pending, "VALIDATE CONSTRAINT "
                    + name);
        }
        Optional<LiveCatalog.Constraint> existing;
        try {
            existing = catalog.constraint(table, name);
        } catch (SQLException e) {
            return notChecked("constraint " + name + " of " + table, e);
        }
        if (existing.isEmpty()) return null;
        LiveCatalog.Constraint found = existing.get();
        if (found.type().equals("c")) {
            String definition = found.definition().replaceFirst("^CHECK ", "").replaceFirst(" NOT VALID$", "");
            return offending("rows of " + table + " that violate " + name, table, "not " + definition, List.of(),
                    "VALIDATE CONSTRAINT " + name + " fails: rows violate the check");
        }
        if (found.type().equals("f")) {
            return orphans(table, found.columns(), found.references(), found.refColumns(), "VALIDATE CONSTRAINT "
                    + name);
        }
        return null;
    }

    private PlanReport.Prediction orphans(QualifiedName table, List<String> columns, String references,
            List<String> refColumns, String verb) {
        List<String> targets = refColumns;
        if (targets.isEmpty()) {
            try {
                targets = catalog.primaryKey(parse(references));
            } catch (SQLException e) {
                return notChecked("rows of " + table + " without a match in " + references, e);
            }
        }
        if (targets.size() != columns.size() || columns.isEmpty()) {
            return new PlanReport.Prediction(PlanReport.Outcome.NOT_CHECKED, "rows of " + table
                    + " without a match in " + references, 0, List.of(), false,
                    "the referenced columns are not known yet");
        }
        StringBuilder condition = new StringBuilder();
        StringBuilder match = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            condition.append("_t.").append(columns.get(i)).append(" is not null and ");
            if (i > 0) match.append(" and ");
            match.append("_r.").append(targets.get(i)).append(" = _t.").append(columns.get(i));
        }
        condition.append("not exists (select 1 from ").append(references).append(" _r where ").append(match)
                .append(")");
        List<String> show = columns.stream().map(c -> "_t." + c).toList();
        return offending("rows of " + table + " without a match in " + references, table, condition.toString(), show,
                verb + " fails: rows refer to " + references + " rows that do not exist");
    }

    private static QualifiedName parse(String relation) {
        int dot = relation.lastIndexOf('.');
        String name = relation.substring(dot + 1).replace("\"", "");
        return dot < 0 ? QualifiedName.of(name) : new QualifiedName(relation.substring(0, dot).replace("\"", ""), name);
    }

    /** Rows where {@code condition} holds would make the statement fail. */
    private PlanReport.Prediction offending(String check, QualifiedName table, String condition, List<String> show,
            String failure) {
        Optional<TableSize> size = catalog.of(table);
        if (size.isEmpty()) return null;
        boolean sampled = size.get().rows() > sampleAboveRows;
        String from = table + " _t" + sample(size.get());
        try {
            List<String> keys = keys(table);
            LinkedHashSet<String> columns = new LinkedHashSet<>(show);
            columns.addAll(keys);
            long count = count("select 1 from " + from + " where " + condition);
            List<String> examples = count == 0 ? List.of()
                    : examples("select " + String.join(", ", columns) + " from " + from + " where " + condition);
            return outcome(check, count, examples, sampled, failure);
        } catch (SQLException e) {
            return notChecked(check, e);
        }
    }

    private PlanReport.Prediction duplicates(QualifiedName table, List<String> columnNames, String verb) {
        String check = "duplicates of (" + String.join(", ", columnNames) + ") in " + table;
        Optional<TableSize> size = catalog.of(table);
        if (size.isEmpty()) return null;
        boolean sampled = size.get().rows() > sampleAboveRows;
        List<String> columns = columnNames.stream().map(c -> "_t." + PgIdentifiers.quote(c)).toList();
        String notNull = String.join(" and ", columns.stream().map(c -> c + " is not null").toList());
        String groups = "select " + String.join(", ", columns) + ", count(*) as copies from " + table + " _t"
                + sample(size.get()) + " where " + notNull + " group by " + String.join(", ", columns)
                + " having count(*) > 1";
        try {
            long count = count(groups);
            List<String> examples = count == 0 ? List.of() : examples(groups + " order by count(*) desc");
            return outcome(check, count, examples, sampled, verb + " fails: values occur more than once");
        } catch (SQLException e) {
            return notChecked(check, e);
        }
    }

    private PlanReport.Prediction outcome(String check, long count, List<String> examples, boolean sampled,
            String failure) {
        if (count == 0) {
            return new PlanReport.Prediction(PlanReport.Outcome.PASSES, check, 0, List.of(), sampled,
                    sampled ? "none in a sample of the table; the full table may still have some" : "");
        }
        String howMany = count >= countLimit ? "at least " + count : String.valueOf(count);
        return new PlanReport.Prediction(PlanReport.Outcome.WILL_FAIL, check, count, examples, sampled,
                failure + " (" + howMany + (sampled ? " in a sample" : "") + ")");
    }

    private PlanReport.Prediction notChecked(String check, SQLException e) {
        String why = "57014".equals(e.getSQLState()) ? "the check took longer than its time limit"
                : e.getMessage().lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
        return new PlanReport.Prediction(PlanReport.Outcome.NOT_CHECKED, check, 0, List.of(), false,
                "not checked: " + why);
    }

    private String sample(TableSize size) {
        if (size.rows() <= sampleAboveRows) return "";
        double percent = Math.max(0.01, 100.0 * sampleAboveRows / size.rows());
        return String.format(Locale.ROOT, " tablesample system (%.2f)", percent);
    }

    private List<String> keys(QualifiedName table) throws SQLException {
        List<String> keys = catalog.primaryKey(table);
        return keys.isEmpty() ? List.of("_t.ctid") : keys.stream().map(k -> "_t." + k).toList();
    }

    private long count(String query) throws SQLException {
        try (Statement statement = session.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from (" + query + " limit " + countLimit
                     + ") _c")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<String> examples(String query) throws SQLException {
        List<String> examples = new ArrayList<>();
        try (Statement statement = session.createStatement();
             ResultSet rows = statement.executeQuery(query + " limit " + EXAMPLES)) {
            ResultSetMetaData columns = rows.getMetaData();
            while (rows.next()) {
                StringBuilder example = new StringBuilder();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    if (i > 1) example.append(", ");
                    example.append(columns.getColumnLabel(i)).append('=').append(rows.getString(i));
                }
                examples.add(example.toString());
            }
        }
        return examples;
    }

    private void remember(SqlCommand.AlterTable alter) {
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.AddConstraint add && add.constraint().notValid()
                    && add.constraint().name() != null) {
                pendingNotValid.put(alter.table().name() + "." + add.constraint().name(), add.constraint());
                pendingStatements.put(alter.table().name() + "." + add.constraint().name(), alter.statement());
            }
        }
    }

    private static String rawText(SqlStatement statement, List<Token> tokens) {
        int from = tokens.get(0).offset() - statement.startOffset();
        int to = tokens.get(tokens.size() - 1).endOffset() - statement.startOffset();
        return statement.text().substring(from, to);
    }
}
