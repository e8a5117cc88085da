package dev.slipway.verify;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Foreign key and check constraints (also on domains) added {@code NOT VALID} and never validated: new rows are
 * checked, but the old ones may break the rule, and the planner cannot rely on it. The safe way to add a constraint
 * is NOT VALID then VALIDATE; a migration that stopped half way leaves this.
 */
final class NotValidConstraints implements VerifyCheck {
    static final String NAME = "constraints";
    private static final String QUERY = """
            select n.nspname as schema, coalesce(t.relname, ty.typname) as owner, t.relname is null as on_domain,
                   c.conname as constraint, c.contype as type, count(*) over () as total
            from pg_constraint c
            join pg_namespace n on n.oid = c.connamespace
            left join pg_class t on t.oid = c.conrelid and c.conrelid <> 0
            left join pg_type ty on ty.oid = c.contypid and c.contypid <> 0
            where not c.convalidated
              and n.nspname not in ('pg_catalog', 'information_schema')
              and n.nspname !~ '^pg_(toast|temp_)'
            order by 1, 2, 4
            """;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> run(VerifyContext context) throws SQLException {
        Rows rows = context.session().query(QUERY, CheckResult.MAX_DETAILS);
        if (rows.isEmpty()) {
            return List.of(CheckResult.passed(NAME, "NOT VALID constraints", "every constraint is validated"));
        }
        List<String> details = new ArrayList<>();
        for (List<Object> row : rows.values()) {
            String owner = Names.qualified((String) row.get(0), (String) row.get(1));
            String constraint = dev.slipway.db.PgIdentifiers.quote((String) row.get(3));
            boolean onDomain = Boolean.TRUE.equals(row.get(2));
            String kind = "f".equals(String.valueOf(row.get(4))) ? "foreign key" : "check";
            details.add(kind + " " + constraint + " on " + (onDomain ? "domain " : "") + owner + ": ALTER "
                    + (onDomain ? "DOMAIN " : "TABLE ") + owner + " VALIDATE CONSTRAINT " + constraint);
        }
        long total = ((Number) rows.value(0, 5)).longValue();
        return List.of(CheckResult.failed(NAME, "NOT VALID constraints", total + " constraint(s) left NOT VALID:"
                + " existing rows were never checked", details));
    }
}
