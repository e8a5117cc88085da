package dev.slipway.verify;

import dev.slipway.config.LogicalForeignKey;
import dev.slipway.db.PgIdentifiers;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows that point nowhere along the references declared in {@code [verify] logical_foreign_keys}: what an integrity
 * script checks for references the schema does not enforce. One result per reference, with the count and a few
 * examples by primary key; each query is bounded by the statement timeout.
 */
final class OrphanedRows implements VerifyCheck {
    static final String NAME = "orphans";
    private static final String QUERY_CANCELED = "57014";
    private static final String PRIMARY_KEY = """
            select string_agg(quote_ident(a.attname), ', ' order by k.ord)
            from pg_index i
            cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
            join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
            where i.indrelid = to_regclass(%s) and i.indisprimary
            """;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> run(VerifyContext context) {
        List<LogicalForeignKey> keys = context.config().logicalForeignKeys();
        if (keys.isEmpty()) {
            return List.of(CheckResult.skipped(NAME, "orphaned rows", "no logical foreign keys in [verify]"
                    + " logical_foreign_keys"));
        }
        List<CheckResult> results = new ArrayList<>();
        for (LogicalForeignKey key : keys) {
            results.add(check(key, context.session()));
        }
        return results;
    }

    private static CheckResult check(LogicalForeignKey key, VerifySession session) {
        String name = "orphans " + key;
        String child = table(key.child());
        String parent = table(key.parent());
        String column = "c." + PgIdentifiers.quote(key.child().column());
        String orphans = " from " + child + " c where " + column + " is not null and not exists (select 1 from "
                + parent + " p where p." + PgIdentifiers.quote(key.parent().column()) + " = " + column + ")";
        try {
            if (session.query("select to_regclass(" + PgIdentifiers.literal(child) + ") is not null and to_regclass("
                    + PgIdentifiers.literal(parent) + ") is not null", 1).value(0, 0) != Boolean.TRUE) {
                return CheckResult.failed(NAME, name, "table " + child + " or " + parent + " does not exist;"
                        + " fix [verify] logical_foreign_keys", List.of());
            }
            Object primaryKey = session.query(String.format(PRIMARY_KEY, PgIdentifiers.literal(child)), 1)
                    .value(0, 0);
            String shown = primaryKey == null ? column : "c." + ((String) primaryKey).replace(", ", ", c.") + ", "
                    + column;
            Rows examples = session.query("select " + shown + orphans, CheckResult.MAX_DETAILS);
            if (examples.isEmpty()) {
                return CheckResult.passed(NAME, name, "every " + child + " row points to an existing " + parent
                        + " row");
            }
            String count;
            try {
                count = String.valueOf(session.queryLong("select count(*)" + orphans));
            } catch (SQLException e) {
                if (!QUERY_CANCELED.equals(e.getSQLState())) throw e;
                count = "at least " + examples.values().size() + " (counting them took longer than the timeout)";
            }
            return CheckResult.failed(NAME, name, count + " " + child + " row(s) point to no " + parent + " row",
                    examples.describeAll());
        } catch (SQLException e) {
            if (QUERY_CANCELED.equals(e.getSQLState())) {
                return CheckResult.failed(NAME, name, "did not finish within " + session.statementTimeout().toMillis()
                        + " ms ([verify] statement_timeout); an index on " + child + " ("
                        + PgIdentifiers.quote(key.child().column()) + ") and " + parent + " ("
                        + PgIdentifiers.quote(key.parent().column()) + ") makes it quick", List.of());
            }
            return CheckResult.failed(NAME, name, "could not run: " + SmokeChecks.firstLine(e), List.of());
        }
    }

    private static String table(LogicalForeignKey.Column column) {
        return column.schema() == null ? PgIdentifiers.quote(column.table())
                : PgIdentifiers.qualified(column.schema(), column.table());
    }
}
