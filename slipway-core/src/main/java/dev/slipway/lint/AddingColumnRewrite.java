package dev.slipway.lint;

import dev.slipway.sql.ColumnDefinition;
import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.Token;
import dev.slipway.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A column whose value is computed per row makes {@code ADD COLUMN} rewrite the table. */
final class AddingColumnRewrite implements Rule {
    /** The first major version that stores a non-volatile default without rewriting the table. */
    static final int FAST_DEFAULT_SINCE = 11;
    /**
     * Built-in functions that are immutable or stable, so a default calling them is evaluated once. Any other call is
     * taken to be volatile, as the server would have to know the function to say otherwise.
     */
    private static final Set<String> NOT_VOLATILE = Set.of("now", "current_timestamp", "current_date",
            "transaction_timestamp", "statement_timestamp", "localtimestamp", "current_time", "localtime",
            "current_user", "session_user", "current_setting", "current_schema", "current_database", "lower", "upper",
            "trim", "btrim", "ltrim", "rtrim", "concat", "concat_ws", "coalesce", "nullif", "greatest", "least",
            "substring", "substr", "replace", "length", "abs", "round", "floor", "ceil", "make_interval", "make_date",
            "make_timestamp", "make_timestamptz", "to_timestamp", "to_date", "to_char", "to_jsonb", "to_json",
            "jsonb_build_object", "jsonb_build_array", "json_build_object", "json_build_array", "array",
            "row", "interval", "timezone", "date_trunc", "md5", "cast");

    static final RuleInfo INFO = RuleInfo.of("adding-column-rewrite", Severity.WARNING,
            "ADD COLUMN with a volatile default, identity, serial or stored generated column rewrites the table",
            "ADD COLUMN takes an ACCESS EXCLUSIVE lock. With a constant or stable default (PostgreSQL 11+) it only"
                    + " changes the catalog; but when each row needs its own value (a volatile default such as"
                    + " gen_random_uuid() or clock_timestamp(), a serial or identity column, a GENERATED ... STORED"
                    + " column) PostgreSQL rewrites the whole table and its indexes while holding that lock:"
                    + " reads and writes wait for the rewrite. A function the rule does not know (one of your own)"
                    + " counts as volatile; `slipway plan --trace` runs the statement on a scratch database, and"
                    + " when the server rewrites nothing the finding is shown as allowed.",
            "Add the column without the per-row value (nullable, or with a constant default), set the default for"
                    + " new rows with ALTER COLUMN ... SET DEFAULT, backfill existing rows in batches"
                    + " (-- slipway:batch), then add the constraint in two phases.",
            "ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid();\n",
            "ALTER TABLE orders ADD COLUMN public_id uuid;\n"
                    + "ALTER TABLE orders ALTER COLUMN public_id SET DEFAULT gen_random_uuid();\n"
                    + "-- then, in the next migration:\n"
                    + "-- slipway:batch key=id size=5000\n"
                    + "UPDATE orders SET public_id = gen_random_uuid() WHERE public_id IS NULL;\n")
            .squawk("adding-field-with-default")
            .differs("squawk flags any default on PostgreSQL 11 although 11 already stores constant defaults without"
                    + " a rewrite; it accepts only a few functions as non-volatile (so lower('A') is flagged there and"
                    + " not here); and it does not flag serial columns, whose nextval() default rewrites the table"
                    + " all the same.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.AlterTable alter) || context.isNew(alter.table())) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (ColumnDefinition column : DeclaredColumns.added(alter)) {
            String why = rewriteReason(column, context.pgMajor());
            if (why != null) {
                findings.add(context.finding(INFO, column.at(), "adding " + alter.table() + "." + column.name()
                        + " rewrites the whole table under an ACCESS EXCLUSIVE lock: " + why));
            }
        }
        return findings;
    }

    /** {@return why adding this column rewrites the table, or null when it does not} */
    static String rewriteReason(ColumnDefinition column, int pgMajor) {
        if (column.generated() == ColumnDefinition.Generated.STORED) {
            return "a stored generated column is computed for every row";
        }
        if (column.generated() == ColumnDefinition.Generated.IDENTITY) {
            return "an identity column numbers every existing row";
        }
        if (column.type().isSerial()) return column.type() + " numbers every existing row from its sequence";
        if (!column.hasDefault()) return null;
        if (pgMajor < FAST_DEFAULT_SINCE) return "before PostgreSQL 11 every DEFAULT is written into every row";
        String call = volatileCall(column.defaultExpression());
        return call == null ? null : "DEFAULT " + column.defaultText() + " is computed for every row (" + call
                + "() is not known to be immutable or stable)";
    }

    private static String volatileCall(List<Token> expression) {
        for (int i = 0; i + 1 < expression.size(); i++) {
            Token token = expression.get(i);
            boolean call = token.type() == TokenType.WORD && expression.get(i + 1).isPunctuation("(");
            if (call && !NOT_VOLATILE.contains(token.text().toLowerCase(Locale.ROOT))) return token.text();
        }
        return null;
    }
}
