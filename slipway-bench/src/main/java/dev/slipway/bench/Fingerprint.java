package dev.slipway.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the generated migrations left in a database, to check that every tool did the same work: counts of tables,
 * columns, non-key indexes and rows, and a digest of every column and index definition. History tables are left out.
 */
public record Fingerprint(long tables, long columns, long indexes, long rows, String digest) {
    private static final String QUERY = """
            with t as (
                select tablename from pg_tables where schemaname = 'public' and tablename like 'item\\_%'
            ), c as (
                select table_name, column_name, ordinal_position, data_type, is_nullable,
                       coalesce(column_default, '') as column_default, is_identity
                from information_schema.columns
                where table_schema = 'public' and table_name in (select tablename from t)
            ), i as (
                select indexname, indexdef from pg_indexes
                where schemaname = 'public' and tablename in (select tablename from t)
                  and indexname not like '%\\_pkey'
            )
            select (select count(*) from t),
                   (select count(*) from c),
                   (select count(*) from i),
                   (select coalesce(sum((xpath('/row/n/text()', query_to_xml(
                        format('select count(*) as n from public.%I', tablename), false, true, '')))[1]
                        ::text::bigint), 0)
                    from t),
                   md5(coalesce((select string_agg(concat_ws(':', table_name, column_name, data_type, is_nullable,
                                column_default, is_identity), ',' order by table_name, ordinal_position) from c), '')
                       || '|' || coalesce((select string_agg(indexdef, ',' order by indexname) from i), ''))
            """;

    /** {@return the fingerprint of the database behind {@code connection}} */
    public static Fingerprint of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(QUERY)) {
            row.next();
            return new Fingerprint(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getString(5));
        }
    }

    /** {@return whether the counts are what {@code workload} creates} */
    public boolean matches(Workload workload) {
        return tables == workload.tables() && indexes == workload.indexes() && rows == workload.rows();
    }
}
