package dev.slipway.verify;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Indexes PostgreSQL marks invalid ({@code pg_index.indisvalid} false): left by a {@code CREATE INDEX CONCURRENTLY}
 * or {@code REINDEX CONCURRENTLY} that failed or was cancelled. They are never used for reads, yet every write still
 * maintains them, and a unique one still rejects duplicates.
 */
final class InvalidIndexes implements VerifyCheck {
    static final String NAME = "indexes";
    private static final String QUERY = """
            select n.nspname as schema, c.relname as index, t.relname as table,
                   exists (select 1 from pg_stat_progress_create_index p where p.index_relid = c.oid) as building,
                   count(*) over () as total
            from pg_index i
            join pg_class c on c.oid = i.indexrelid
            join pg_class t on t.oid = i.indrelid
            join pg_namespace n on n.oid = c.relnamespace
            where not i.indisvalid
              and n.nspname not in ('pg_catalog', 'information_schema')
              and n.nspname !~ '^pg_(toast|temp_)'
            order by 1, 2
            """;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> run(VerifyContext context) throws SQLException {
        Rows rows = context.session().query(QUERY, CheckResult.MAX_DETAILS);
        if (rows.isEmpty()) return List.of(CheckResult.passed(NAME, "invalid indexes", "every index is valid"));
        List<String> details = new ArrayList<>();
        for (List<Object> row : rows.values()) {
            String index = Names.qualified((String) row.get(0), (String) row.get(1));
            details.add(index + " on " + Names.qualified((String) row.get(0), (String) row.get(2))
                    + (Boolean.TRUE.equals(row.get(3)) ? " (being built right now)"
                    : ": drop it with DROP INDEX CONCURRENTLY " + index + " and build it again"));
        }
        long total = ((Number) rows.value(0, 4)).longValue();
        return List.of(CheckResult.failed(NAME, "invalid indexes", total + " invalid index(es), left by a failed"
                + " concurrent build", details));
    }
}
