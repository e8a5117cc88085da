package dev.slipway.verify;

import dev.slipway.db.PgIdentifiers;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequences whose next value is already taken in the column they feed: the next insert that relies on the default
 * fails with a duplicate key. Left by a data copy or restore that wrote ids explicitly without a {@code setval}.
 * A sequence feeds a column when the column owns it ({@code serial}, identity) or its default calls
 * {@code nextval} on it.
 */
final class SequencesBehind implements VerifyCheck {
    static final String NAME = "sequences";
    private static final int MAX_SEQUENCES = 10_000;
    /** Integer columns fed by a sequence, with what the sequence will hand out next. */
    private static final String FED_COLUMNS = """
            with feeds as (
                select d.objid as seq, d.refobjid as rel, d.refobjsubid as att
                from pg_depend d
                where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
                  and d.deptype in ('a', 'i') and d.refobjsubid > 0
                union
                select d.refobjid, ad.adrelid, ad.adnum
                from pg_depend d
                join pg_attrdef ad on ad.oid = d.objid
                where d.classid = 'pg_attrdef'::regclass and d.refclassid = 'pg_class'::regclass
            )
            select sn.nspname, sc.relname, tn.nspname, t.relname, a.attname, s.seqincrement,
                   has_sequence_privilege(sc.oid, 'SELECT')
            from feeds f
            join pg_class sc on sc.oid = f.seq and sc.relkind = 'S'
            join pg_namespace sn on sn.oid = sc.relnamespace
            join pg_sequence s on s.seqrelid = sc.oid
            join pg_class t on t.oid = f.rel and t.relkind in ('r', 'p') and not t.relispartition
            join pg_namespace tn on tn.oid = t.relnamespace
            join pg_attribute a on a.attrelid = f.rel and a.attnum = f.att and not a.attisdropped
            where a.atttypid in ('int2'::regtype, 'int4'::regtype, 'int8'::regtype)
              and tn.nspname not in ('pg_catalog', 'information_schema')
              and has_table_privilege(t.oid, 'SELECT')
            order by 3, 4, 5
            """;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> run(VerifyContext context) throws SQLException {
        Rows fed = context.session().query(FED_COLUMNS, MAX_SEQUENCES);
        List<String> behind = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (List<Object> row : fed.values()) {
            String sequence = Names.qualified((String) row.get(0), (String) row.get(1));
            String table = Names.qualified((String) row.get(2), (String) row.get(3));
            String column = (String) row.get(4);
            if (!Boolean.TRUE.equals(row.get(6))) {
                unreadable.add(sequence);
                continue;
            }
            long increment = ((Number) row.get(5)).longValue();
            // numeric: last_value + increment overflows bigint at the end of the range
            Rows values = context.session().query("select (select case when is_called then last_value::numeric + "
                    + increment + " else last_value::numeric end from " + PgIdentifiers.qualified((String) row.get(0),
                    (String) row.get(1)) + "), (select " + (increment > 0 ? "max(" : "min(")
                    + PgIdentifiers.quote(column) + ")::numeric from " + PgIdentifiers.qualified((String) row.get(2),
                    (String) row.get(3)) + ")", 1);
            BigDecimal next = (BigDecimal) values.value(0, 0);
            BigDecimal used = (BigDecimal) values.value(0, 1);
            if (used == null) continue;
            int direction = used.compareTo(next);
            if (increment > 0 ? direction >= 0 : direction <= 0) {
                behind.add(sequence + " would hand out " + next + ", but " + table + "." + PgIdentifiers.quote(column)
                        + " already has " + used + ": SELECT setval(" + PgIdentifiers.literal(sequence) + ", "
                        + used + ")");
            }
        }
        String checked = (fed.values().size() - unreadable.size()) + " sequence(s) checked"
                + (unreadable.isEmpty() ? "" : "; " + unreadable.size() + " not readable by this user");
        if (behind.isEmpty()) return List.of(CheckResult.passed(NAME, "sequences behind their column", checked));
        return List.of(CheckResult.failed(NAME, "sequences behind their column", behind.size() + " sequence(s)"
                + " behind the values already in their column: the next insert fails with a duplicate key ("
                + checked + ")", behind));
    }
}
