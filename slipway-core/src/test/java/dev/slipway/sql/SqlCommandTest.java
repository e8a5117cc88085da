package dev.slipway.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Classification into the statement model that lint rules read. */
class SqlCommandTest {

    private static SqlCommand command(String sql) {
        return SqlCommand.of(SqlStatement.parse(sql));
    }

    private static <T extends AlterTableAction> T onlyAction(String sql, Class<T> type) {
        SqlCommand.AlterTable alter = (SqlCommand.AlterTable) command(sql);
        assertThat(alter.actions()).hasSize(1);
        return type.cast(alter.actions().get(0));
    }

    @Test
    void createTableReadsColumnsTypesAndConstraints() {
        SqlCommand.CreateTable create = (SqlCommand.CreateTable) command("""
                create table if not exists app."Users" (
                    id bigint generated always as identity primary key,
                    email varchar(255) not null default '' check (email <> ''),
                    created timestamp(3) without time zone default now() not null,
                    org_id int references orgs (id) on delete set null,
                    tags text[],
                    constraint users_email_key unique (email),
                    foreign key (org_id) references public.orgs (id) not valid
                )""");
        assertThat(create.table()).isEqualTo(new QualifiedName("app", "Users"));
        assertThat(create.columns()).extracting(ColumnDefinition::name)
                .containsExactly("id", "email", "created", "org_id", "tags");
        ColumnDefinition id = create.columns().get(0);
        assertThat(id.generated()).isEqualTo(ColumnDefinition.Generated.IDENTITY);
        assertThat(id.primaryKey()).isTrue();
        ColumnDefinition email = create.columns().get(1);
        assertThat(email.type().canonical()).isEqualTo("character varying");
        assertThat(email.type().modifiers()).containsExactly("255");
        assertThat(email.notNull()).isTrue();
        assertThat(email.defaultText()).isEqualTo("''");
        assertThat(email.check()).isTrue();
        ColumnDefinition created = create.columns().get(2);
        assertThat(created.type().name()).isEqualTo("timestamp without time zone");
        assertThat(created.type().canonical()).isEqualTo("timestamp");
        assertThat(created.defaultText()).isEqualTo("now()");
        assertThat(created.notNull()).isTrue();
        ColumnDefinition org = create.columns().get(3);
        assertThat(org.references()).isEqualTo(QualifiedName.of("orgs"));
        assertThat(org.notNull()).isFalse();
        assertThat(create.columns().get(4).type().array()).isTrue();
        assertThat(create.constraints()).extracting(TableConstraint::kind)
                .containsExactly(TableConstraint.Kind.UNIQUE, TableConstraint.Kind.FOREIGN_KEY);
        assertThat(create.constraints().get(0).name()).isEqualTo("users_email_key");
        assertThat(create.constraints().get(1).notValid()).isTrue();
        assertThat(create.constraints().get(1).references()).isEqualTo(new QualifiedName("public", "orgs"));
    }

    @Test
    void alterTableSplitsItsActions() {
        SqlCommand.AlterTable alter = (SqlCommand.AlterTable) command("""
                alter table only public.orders
                    add column note text default 'x' not null,
                    drop column legacy cascade,
                    alter column total set data type numeric(12, 2) using total::numeric,
                    alter column status set not null,
                    alter status drop not null,
                    add constraint total_positive check (total > 0) not valid,
                    validate constraint total_positive,
                    set tablespace fast,
                    owner to app""");
        assertThat(alter.table()).isEqualTo(new QualifiedName("public", "orders"));
        assertThat(alter.actions()).hasSize(9);
        AlterTableAction.AddColumn add = (AlterTableAction.AddColumn) alter.actions().get(0);
        assertThat(add.column().defaultText()).isEqualTo("'x'");
        assertThat(add.column().notNull()).isTrue();
        AlterTableAction.DropColumn drop = (AlterTableAction.DropColumn) alter.actions().get(1);
        assertThat(drop.column()).isEqualTo("legacy");
        assertThat(drop.cascade()).isTrue();
        AlterTableAction.AlterColumnType type = (AlterTableAction.AlterColumnType) alter.actions().get(2);
        assertThat(type.type().canonical()).isEqualTo("numeric");
        assertThat(type.type().modifiers()).containsExactly("12", "2");
        assertThat(type.using()).isTrue();
        assertThat(alter.actions().get(3)).isInstanceOf(AlterTableAction.SetNotNull.class);
        assertThat(alter.actions().get(4)).isInstanceOf(AlterTableAction.DropNotNull.class);
        AlterTableAction.AddConstraint check = (AlterTableAction.AddConstraint) alter.actions().get(5);
        assertThat(check.constraint().notValid()).isTrue();
        assertThat(check.constraint().expressionText()).isEqualTo("total > 0");
        assertThat(alter.actions().get(6)).isEqualTo(new AlterTableAction.ValidateConstraint(
                alter.actions().get(6).at(), "total_positive"));
        assertThat(((AlterTableAction.Rewrite) alter.actions().get(7)).what()).isEqualTo("SET TABLESPACE");
        assertThat(((AlterTableAction.Other) alter.actions().get(8)).what()).isEqualTo("OWNER");
    }

    @Test
    void renamesPartitionsAndConstraintsUsingAnIndex() {
        assertThat(onlyAction("ALTER TABLE \"t\" RENAME COLUMN \"a\" TO \"B\"", AlterTableAction.RenameColumn.class)
                .newName()).isEqualTo("B");
        assertThat(onlyAction("alter table t rename to u", AlterTableAction.RenameTable.class).newName())
                .isEqualTo("u");
        assertThat(onlyAction("alter table t detach partition p concurrently",
                AlterTableAction.DetachPartition.class).concurrently()).isTrue();
        TableConstraint pk = onlyAction("alter table items add constraint items_pk primary key using index items_pk",
                AlterTableAction.AddConstraint.class).constraint();
        assertThat(pk.kind()).isEqualTo(TableConstraint.Kind.PRIMARY_KEY);
        assertThat(pk.usingIndex()).isEqualTo("items_pk");
        TableConstraint notNull = onlyAction("alter table foo add constraint c check (bar is not null) not valid",
                AlterTableAction.AddConstraint.class).constraint();
        assertThat(notNull.notNullCheckColumn()).isEqualTo("bar");
        AlterTableAction.AddColumn serial = onlyAction("ALTER TABLE a ADD COLUMN b SERIAL PRIMARY KEY",
                AlterTableAction.AddColumn.class);
        assertThat(serial.column().type().isSerial()).isTrue();
        assertThat(serial.column().primaryKey()).isTrue();
    }

    @Test
    void indexesAndMaintenanceStatements() {
        SqlCommand.CreateIndex index = (SqlCommand.CreateIndex) command(
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx ON ONLY s.t USING btree (a, lower(b))");
        assertThat(index.unique()).isTrue();
        assertThat(index.concurrently()).isTrue();
        assertThat(index.name()).isEqualTo("idx");
        assertThat(index.table()).isEqualTo(new QualifiedName("s", "t"));
        assertThat(index.columns()).as("an expression makes the columns unknown").isEmpty();
        assertThat(((SqlCommand.CreateIndex) command("create unique index on t (a, \"B\" desc)")).columns())
                .containsExactly("a", "B");
        assertThat(((SqlCommand.CreateIndex) command("create unique index on t (a) where b")).columns()).isEmpty();
        assertThat(command("create index on t (a)")).isInstanceOf(SqlCommand.CreateIndex.class);
        SqlCommand.DropIndex drop = (SqlCommand.DropIndex) command("DROP INDEX IF EXISTS a, s.b CASCADE");
        assertThat(drop.indexes()).containsExactly(QualifiedName.of("a"), new QualifiedName("s", "b"));
        assertThat(drop.concurrently()).isFalse();
        assertThat(((SqlCommand.Reindex) command("REINDEX (verbose) TABLE CONCURRENTLY foo")).concurrently()).isTrue();
        assertThat(((SqlCommand.Reindex) command("reindex index foo")).concurrently()).isFalse();
        assertThat(((SqlCommand.Vacuum) command("VACUUM (FULL FALSE) foo")).full()).isFalse();
        assertThat(((SqlCommand.Vacuum) command("vacuum full verbose foo, bar")).tables()).hasSize(2);
        assertThat(((SqlCommand.Vacuum) command("VACUUM (full, analyze) foo")).full()).isTrue();
        assertThat(((SqlCommand.Cluster) command("CLUSTER;")).table()).isNull();
        assertThat(((SqlCommand.Cluster) command("cluster idx on t")).table()).isEqualTo(QualifiedName.of("t"));
        assertThat(((SqlCommand.RefreshMaterializedView) command("refresh materialized view concurrently mv"))
                .concurrently()).isTrue();
        assertThat(((SqlCommand.LockTable) command("LOCK TABLE a, b IN SHARE ROW EXCLUSIVE MODE")).mode())
                .isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
        assertThat(((SqlCommand.LockTable) command("lock a")).mode()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
    }

    @Test
    void destructiveStatements() {
        SqlCommand.Drop drop = (SqlCommand.Drop) command("DROP MATERIALIZED VIEW IF EXISTS a.v, w CASCADE");
        assertThat(drop.kind()).isEqualTo("MATERIALIZED VIEW");
        assertThat(drop.names()).hasSize(2);
        assertThat(drop.cascade()).isTrue();
        assertThat(((SqlCommand.Drop) command("drop schema legacy")).kind()).isEqualTo("SCHEMA");
        SqlCommand.Truncate truncate =
                (SqlCommand.Truncate) command("truncate table only a, b restart identity cascade");
        assertThat(truncate.tables()).containsExactly(QualifiedName.of("a"), QualifiedName.of("b"));
        assertThat(truncate.cascade()).isTrue();
        assertThat(((SqlCommand.Delete) command("delete from t")).hasWhere()).isFalse();
        assertThat(((SqlCommand.Delete) command("DELETE FROM t USING u WHERE t.id = u.id")).hasWhere()).isTrue();
        assertThat(((SqlCommand.Update) command("update t set a = (select 1 where true)")).hasWhere()).isFalse();
        SqlCommand.Update update = (SqlCommand.Update) command(
                "WITH x AS (SELECT 1) UPDATE t AS tt SET a = 1, b.c = 2, d[1] = 3, (e, \"F\") = (4, 5) WHERE id = 1");
        assertThat(update.table()).isEqualTo(QualifiedName.of("t"));
        assertThat(update.hasWhere()).isTrue();
        assertThat(update.assignments()).extracting(SqlCommand.Assignment::target)
                .containsExactly("a", "b.c", "d[1]", "e", "F");
    }

    @Test
    void typesDomainsAndTransactions() {
        assertThat(((SqlCommand.AddEnumValue) command("ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok'")).positioned())
                .isTrue();
        SqlCommand.CreateDomain checked =
                (SqlCommand.CreateDomain) command("CREATE DOMAIN d AS numeric(15,5) CHECK (value > 0)");
        assertThat(checked.constrained()).isTrue();
        assertThat(((SqlCommand.CreateDomain) command("create domain d as text default null")).constrained())
                .isFalse();
        assertThat(((SqlCommand.CreateDomain) command("create domain d int not null")).constrained()).isTrue();
        SqlCommand.AlterDomain domain = (SqlCommand.AlterDomain) command(
                "ALTER DOMAIN d ADD CONSTRAINT c CHECK (value > 0) NOT VALID");
        assertThat(domain.addsConstraint()).isTrue();
        assertThat(domain.notValid()).isTrue();
        assertThat(((SqlCommand.AlterDomain) command("alter domain d set not null")).addsConstraint()).isFalse();
        assertThat(((SqlCommand.Transaction) command("begin")).control()).isEqualTo(TransactionControl.BEGIN);
    }

    @Test
    void everythingElsePassesThroughUnclassified() {
        SqlCommand.Insert insert = (SqlCommand.Insert) command("insert into s.t as x (a, \"B\", c.d) values (1, 2, 3)");
        assertThat(insert.table()).isEqualTo(new QualifiedName("s", "t"));
        assertThat(insert.columns()).extracting(SqlCommand.Assignment::target).containsExactly("a", "B", "c.d");
        assertThat(((SqlCommand.Insert) command("insert into t (select 1)")).columns()).isEmpty();
        assertThat(((SqlCommand.Insert) command("insert into t values (1)")).columns()).isEmpty();
        for (String sql : List.of("select 1", "create view v as select 1",
                "alter table", "create table", "drop", "update", "merge into k using j on k.id = j.id when matched"
                        + " then do nothing", "grant select on t to u", "ALTER TYPE mood RENAME VALUE 'a' TO 'b'")) {
            assertThat(command(sql)).as(sql).isInstanceOf(SqlCommand.Unclassified.class);
        }
    }

    @Property(tries = 300)
    void neverThrowsOnAnyStatementTheSplitterProduces(@ForAll String text) {
        SqlScript script;
        try {
            script = SqlScript.parse("alter table t " + text + ";\ncreate table x (" + text + ");\nupdate t set "
                    + text);
        } catch (SqlSyntaxException e) {
            return;
        }
        for (SqlStatement statement : script.statements()) {
            assertThat(SqlCommand.of(statement)).isNotNull();
        }
    }
}
