package dev.slipway.schema;

import dev.slipway.testkit.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A schema with every object kind the model knows, built with SQL in two different orders. The second order also
 * leaves a dropped column behind and burns OIDs on throw-away objects first, so physical layout and OIDs differ.
 */
final class EveryKind {
    private static final Map<String, String> BLOCKS = new LinkedHashMap<>();

    static {
        BLOCKS.put("extension", "create extension pgcrypto");
        BLOCKS.put("schema", "create schema app; comment on schema app is 'the application'");
        BLOCKS.put("enum", "create type app.order_status as enum ('new', 'paid', 'shipped');"
                + " comment on type app.order_status is 'where an order is'");
        BLOCKS.put("domain", "create domain app.email as text collate \"C\" default 'nobody@example.com' not null"
                + " constraint email_has_at check (value like '%@%');"
                + " alter domain app.email add constraint email_short check (length(value) < 200) not valid");
        BLOCKS.put("composite", "create type app.money_amount as (currency char(3), cents bigint)");
        BLOCKS.put("sequence", "create sequence app.invoice_numbers as integer start with 1000 increment by 10"
                + " minvalue 1000 maxvalue 999999 cache 5 cycle;"
                + " comment on sequence app.invoice_numbers is 'invoice numbers'");
        BLOCKS.put("customers", "create table app.customers (id bigint generated always as identity primary key,"
                + " email app.email not null unique, name text collate \"C\" not null,"
                + " created_at timestamptz not null default now(),"
                + " name_upper text generated always as (upper(name)) stored);"
                + " comment on column app.customers.email is 'login'");
        BLOCKS.put("orders", "create table app.orders (id bigserial primary key,"
                + " customer_id bigint not null references app.customers (id) on delete cascade"
                + " deferrable initially deferred,"
                + " status app.order_status not null default 'new', total app.money_amount,"
                + " invoice integer default nextval('app.invoice_numbers'), note text,"
                + " constraint orders_note_length check (char_length(note) < 500)) with (fillfactor = 80);"
                + " alter table app.orders add constraint orders_total_positive check ((total).cents >= 0) not valid;"
                + " create index orders_customer_idx on app.orders (customer_id) where status <> 'shipped';"
                + " comment on index app.orders_customer_idx is 'open orders by customer';"
                + " comment on table app.orders is 'what customers bought';"
                + " comment on constraint orders_note_length on app.orders is 'short notes'");
        BLOCKS.put("bookings", "create table app.bookings (id int primary key, during tsrange not null,"
                + " constraint bookings_no_overlap exclude using gist (during with &&))");
        BLOCKS.put("events", "create table app.events (id bigint not null, happened_at date not null, payload jsonb)"
                + " partition by range (happened_at);"
                + " create table app.events_2024 partition of app.events"
                + " for values from ('2024-01-01') to ('2025-01-01');"
                + " create table app.events_default partition of app.events default;"
                + " create index events_happened_idx on app.events (happened_at)");
        BLOCKS.put("scratch", "create unlogged table app.scratch (k text primary key, v text)");
        BLOCKS.put("pairs", "create table app.pairs (a int, b int, c int)");
        BLOCKS.put("inheritance", "create table app.audit_base (at timestamptz default now());"
                + " create table app.order_audit (order_id bigint) inherits (app.audit_base)");
        BLOCKS.put("views", "create view app.open_orders with (security_barrier = true) as"
                + " select id, customer_id, status from app.orders where status <> 'shipped';"
                + " comment on view app.open_orders is 'not shipped yet';"
                + " create materialized view app.order_counts as"
                + " select customer_id, count(*) as n from app.orders group by customer_id;"
                + " create unique index order_counts_customer_idx on app.order_counts (customer_id)");
        BLOCKS.put("functions", "create function app.touch() returns trigger language plpgsql as"
                + " $$ begin new.note := coalesce(new.note, ''); return new; end $$;"
                + " create function app.order_total(p_order bigint) returns bigint language sql stable as"
                + " $$ select (total).cents from app.orders where id = p_order $$;"
                + " create function app.order_total(p_customer bigint, p_status app.order_status) returns bigint"
                + " language sql stable as $$ select sum((total).cents)::bigint from app.orders"
                + " where customer_id = p_customer and status = p_status $$;"
                + " comment on function app.order_total(bigint) is 'cents of one order';"
                + " create procedure app.archive(p_before date) language plpgsql as"
                + " $$ begin delete from app.events where happened_at < p_before; end $$");
        BLOCKS.put("triggers", "create trigger orders_touch before insert or update on app.orders"
                + " for each row execute function app.touch();"
                + " comment on trigger orders_touch on app.orders is 'notes are never null';"
                + " create trigger events_touch after insert on app.events for each row execute function app.touch();"
                + " create function app.open_orders_insert() returns trigger language plpgsql as"
                + " $$ begin insert into app.orders (customer_id) values (new.customer_id); return new; end $$;"
                + " create trigger open_orders_insert instead of insert on app.open_orders"
                + " for each row execute function app.open_orders_insert()");
        BLOCKS.put("security", "alter table app.orders enable row level security;"
                + " create policy orders_by_customer on app.orders for select using (customer_id > 0);"
                + " create policy orders_insert on app.orders as restrictive for insert to postgres"
                + " with check (status = 'new');"
                + " comment on policy orders_by_customer on app.orders is 'customers see their orders'");
        BLOCKS.put("public", "create table public.settings (key text primary key, value text)");
        // roles belong to the cluster, which other databases of the test server share
        BLOCKS.put("grants", "do $$ begin create role slipway_reader nologin; exception when duplicate_object"
                + " or unique_violation then null; end $$;"
                + " grant usage on schema app to slipway_reader;"
                + " grant select on app.orders to slipway_reader;"
                + " grant select on app.open_orders to slipway_reader with grant option;"
                + " grant usage on sequence app.invoice_numbers to slipway_reader;"
                + " grant update (email) on app.customers to slipway_reader;"
                + " grant select (note) on app.orders to slipway_reader;"
                + " revoke execute on function app.touch() from public");
    }

    /** The same blocks in another order that still respects their dependencies. */
    private static final List<String> SECOND_ORDER = List.of("public", "schema", "composite", "enum", "scratch",
            "pairs", "sequence", "domain", "customers", "orders", "bookings", "inheritance", "extension", "events",
            "functions", "views", "security", "triggers", "grants");

    private EveryKind() {
    }

    /** Builds the schema in the order written above. */
    static void build(TestDatabase db) throws SQLException {
        for (String sql : BLOCKS.values()) db.execute(sql);
    }

    /** Builds the same schema in another order, after using up OIDs and with a dropped column in one table. */
    static void buildDifferently(TestDatabase db) throws SQLException {
        db.execute("create table throwaway (id int); create type throwaway_kind as enum ('x');"
                + " drop table throwaway; drop type throwaway_kind");
        List<String> order = new ArrayList<>(SECOND_ORDER);
        if (order.size() != BLOCKS.size() || !BLOCKS.keySet().containsAll(order)) {
            throw new AssertionError("the second order must list every block once");
        }
        for (String block : order) {
            String sql = BLOCKS.get(block);
            if (block.equals("pairs")) {
                sql = "create table app.pairs (a int, dropped_later text, b int, c int);"
                        + " alter table app.pairs drop column dropped_later";
            }
            db.execute(sql);
        }
    }
}
