package dev.slipway.backup;

import dev.slipway.Slipway;
import dev.slipway.config.BackupConfig;
import dev.slipway.testkit.PostgresServers;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small shop database for backup tests, on its own database: two migrations applied (revision 2), rows of many
 * types in three tables, one of them with a name that needs quoting.
 */
final class Shop {
    private final TestDatabase db;
    private final Path migrations;

    private Shop(TestDatabase db, Path migrations) {
        this.db = db;
        this.migrations = migrations;
    }

    /** Creates the database on {@code major}, migrates it to revision 2 and fills it. */
    static Shop create(int major, String hint, Path project) throws IOException, SQLException {
        TestDatabase db = PostgresServers.newDatabase(major, hint);
        Path migrations = Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__create_shop.sql"), """
                create table customers (id bigint primary key, name text not null, email text, note jsonb,
                    photo bytea, balance numeric(12, 2), joined timestamptz not null default now());
                create table orders (id bigint generated always as identity primary key,
                    customer_id bigint not null references customers, total numeric, placed date);
                create table "Audit Log" (id bigserial primary key, "What" text);
                """);
        Files.writeString(migrations.resolve("V2__add_tier.sql"), """
                alter table customers add column tier text not null default 'basic';
                create index orders_by_customer on orders (customer_id);
                create view big_orders as select * from orders where total > 100;
                """);
        Shop shop = new Shop(db, migrations);
        shop.slipway(BackupConfig.defaults()).migrate();
        db.execute("""
                insert into customers (id, name, email, note, photo, balance, joined)
                select i, 'Kund ' || i || ' Łódź ☕', 'c' || i || '@example.com',
                       jsonb_build_object('i', i, 'tags', jsonb_build_array('a', i % 7)),
                       decode(md5(i::text), 'hex'), (i * 3.17)::numeric(12, 2),
                       timestamptz '2024-01-01 00:00+00' + i * interval '1 hour'
                from generate_series(1, 3000) i;
                insert into orders (customer_id, total, placed)
                select 1 + i % 3000, (i % 250) + 0.5, date '2024-01-01' + i % 365 from generate_series(1, 8000) i;
                insert into "Audit Log" ("What") select 'event ' || i from generate_series(1, 500) i;
                update customers set tier = 'gold' where id % 10 = 0;
                """);
        return shop;
    }

    TestDatabase db() {
        return db;
    }

    Path migrations() {
        return migrations;
    }

    /** {@return a Slipway on this database and its migrations} */
    Slipway slipway(BackupConfig backup) {
        return Slipway.configure().url(db.libpqUrl()).locations(migrations.toString()).backup(backup).load();
    }

    /** Adds and applies a third migration, which creates a table the revision-2 backups do not hold. */
    void migrateToThree() throws IOException {
        Files.writeString(migrations.resolve("V3__create_refunds.sql"),
                "create table refunds (id bigint primary key, order_id bigint references orders);\n");
        slipway(BackupConfig.defaults()).migrate();
    }

    /** Changes rows of every table. */
    void scribble() throws SQLException {
        db.execute("delete from orders where id % 3 = 0; update customers set name = 'changed', note = null"
                + " where id < 100; insert into \"Audit Log\" (\"What\") values ('after the backup')");
    }

    /**
     * {@return for every user table but the audit trail, its row count and an MD5 of all its rows in order} A
     * restore appends a row of its own to the trail; the tests check the trail by itself.
     */
    Map<String, String> checksums() throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select format('%I.%I', schemaname, tablename)"
                    + " from pg_tables where schemaname not in ('pg_catalog', 'information_schema')"
                    + " and tablename <> 'slipway_history_audit'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select count(*) || ':' || coalesce(md5(string_agg("
                        + "t::text, '|' order by t::text)), '-') from " + table + " t")) {
                    rows.next();
                    sums.put(table, rows.getString(1));
                }
            }
        }
        return sums;
    }

    void drop() {
        db.server().dropDatabase(db.name());
    }
}
