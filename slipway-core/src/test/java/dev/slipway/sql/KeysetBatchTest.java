package dev.slipway.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The SQL of a keyset batch: the statement's own text with a range of the key added, and the bound query. */
class KeysetBatchTest {
    private static KeysetBatch batch(String sql, String key) {
        return KeysetBatch.of(SqlStatement.parse(sql), key);
    }

    @Test
    void anExistingConditionIsKeptWholeInParenthesesBeforeReturning() {
        KeysetBatch batch = batch("UPDATE shop.orders AS o SET total = cents / 100.0 FROM rates r\n"
                + "WHERE o.currency = r.code OR r.code IS NULL RETURNING o.id;", "id");

        assertThat(batch.table()).isEqualTo(new QualifiedName("shop", "orders"));
        assertThat(batch.batch(null, "1000")).isEqualTo("UPDATE shop.orders AS o SET total = cents / 100.0 FROM"
                + " rates r\nWHERE (o.currency = r.code OR r.code IS NULL) and \"o\".\"id\" <= '1000' RETURNING o.id");
        assertThat(batch.batch("1000", "2000")).contains("and \"o\".\"id\" > '1000' and \"o\".\"id\" <= '2000'");
        assertThat(batch.nextBoundQuery("1000", 500)).isEqualTo("select max(k)::text from (select \"id\" as k from"
                + " shop.orders where \"id\" > '1000' order by \"id\" limit 500) batch");
    }

    @Test
    void aStatementWithoutWhereGetsOneAndTheTableNameQualifiesTheKey() {
        KeysetBatch batch = batch("delete from \"Audit Log\"", "\"Id\"");

        assertThat(batch.keyColumn()).isEqualTo("Id");
        assertThat(batch.batch("it's", "zz")).isEqualTo("delete from \"Audit Log\" where \"Audit Log\".\"Id\" >"
                + " 'it''s' and \"Audit Log\".\"Id\" <= 'zz'");
        assertThat(batch.nextBoundQuery(null, 10)).isEqualTo("select max(k)::text from (select \"Id\" as k from"
                + " \"Audit Log\" order by \"Id\" limit 10) batch");
    }

    @Test
    void aWhereInsideASubqueryIsNotTheStatementsOwn() {
        KeysetBatch batch = batch("update orders o set total = (select max(t) from totals where totals.id = o.id)",
                "ID");

        assertThat(batch.batch(null, "9")).isEqualTo("update orders o set total = (select max(t) from totals where"
                + " totals.id = o.id) where \"o\".\"id\" <= '9'");
    }

    @Test
    void shapesThatCannotBeBatchedAreRefusedWithTheReason() {
        assertThatThrownBy(() -> batch("with old as (select id from orders) delete from orders using old"
                + " where orders.id = old.id", "id")).hasMessageContaining("cannot start with WITH");
        assertThatThrownBy(() -> batch("update orders set id = id + 1", "id"))
                .hasMessageContaining("assigns the batch key id");
        assertThatThrownBy(() -> batch("delete from orders where current of c", "id"))
                .hasMessageContaining("WHERE CURRENT OF");
        assertThatThrownBy(() -> batch("insert into orders values (1)", "id"))
                .hasMessageContaining("needs an UPDATE or DELETE");
    }
}
