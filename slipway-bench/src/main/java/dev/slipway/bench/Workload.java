package dev.slipway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated set of small migrations on disk, the same files for every tool.
 * <p>{@code migrations/} holds {@code V<n>__<what>.sql} files (zero-padded, so name order is version order for the
 * tools that sort by name); {@code changelog.xml} beside it is the Liquibase changelog that includes that folder.
 * Each group of four migrations works on one new table: create it, add a column, index it, insert three rows.
 *
 * @param root  the folder holding {@code migrations/} and {@code changelog.xml}
 * @param count how many migrations there are
 */
public record Workload(Path root, int count) {
    /** The Liquibase changelog's file name, relative to {@link #root()}. */
    public static final String CHANGELOG = "changelog.xml";
    /** The prefix of every table the migrations create; history tables never start with it. */
    public static final String TABLE_PREFIX = "item_";

    public Workload {
        if (count < 1) throw new IllegalArgumentException("a workload needs at least one migration, not " + count);
    }

    /** {@return the folder of migration files} */
    public Path migrations() {
        return root.resolve("migrations");
    }

    /** Writes {@code count} migrations and the changelog under {@code root} (created if missing). */
    public static Workload generate(Path root, int count) {
        Workload workload = new Workload(root, count);
        int width = Math.max(5, Integer.toString(count).length());
        try {
            Files.createDirectories(workload.migrations());
            for (int n = 1; n <= count; n++) {
                String version = String.format("%0" + width + "d", n);
                Files.writeString(workload.migrations().resolve("V" + version + "__" + description(n) + ".sql"),
                        sql(n), StandardCharsets.UTF_8);
            }
            Files.writeString(root.resolve(CHANGELOG), CHANGELOG_XML, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the workload under " + root, e);
        }
        return workload;
    }

    /**
     * Writes one migration, {@code V00001__<description>.sql}, and the changelog under {@code root}: the same file
     * for every tool.
     */
    public static Workload single(Path root, String description, String sql) {
        Workload workload = new Workload(root, 1);
        try {
            Files.createDirectories(workload.migrations());
            Files.writeString(workload.migrations().resolve("V00001__" + description + ".sql"), sql,
                    StandardCharsets.UTF_8);
            Files.writeString(root.resolve(CHANGELOG), CHANGELOG_XML, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the workload under " + root, e);
        }
        return workload;
    }

    /** {@return how many tables the migrations create} */
    public int tables() {
        return (count + 3) / 4;
    }

    /** {@return how many rows the migrations insert in all} */
    public int rows() {
        return count / 4 * 3;
    }

    /** {@return how many indexes there are besides primary keys} */
    public int indexes() {
        return count / 4 + (count % 4 == 3 ? 1 : 0);
    }

    private static String table(int n) {
        return TABLE_PREFIX + String.format("%05d", (n - 1) / 4 + 1);
    }

    private static String description(int n) {
        return switch ((n - 1) % 4) {
            case 0 -> "create_" + table(n);
            case 1 -> "add_status_to_" + table(n);
            case 2 -> "index_" + table(n) + "_name";
            default -> "seed_" + table(n);
        };
    }

    private static String sql(int n) {
        String table = table(n);
        return switch ((n - 1) % 4) {
            case 0 -> "-- " + table + ": things a customer ordered\n"
                    + "create table " + table + " (\n"
                    + "    id bigint generated always as identity primary key,\n"
                    + "    name text not null,\n"
                    + "    created_at timestamptz not null default now()\n"
                    + ");\n"
                    + "comment on table " + table + " is 'generated for the benchmark';\n";
            case 1 -> "alter table " + table + " add column status text not null default 'new';\n";
            case 2 -> "create index " + table + "_name_idx on " + table + " (name);\n";
            default -> "insert into " + table + " (name, status) values\n"
                    + "    ('alpha', 'new'),\n"
                    + "    ('beta', 'done'),\n"
                    + "    ('gamma', 'new');\n";
        };
    }

    // includeAll over the very files the other tools run: each raw .sql file becomes one changeset, applied in name
    // order in its own transaction, which is what a Liquibase user who keeps plain SQL files would write.
    private static final String CHANGELOG_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <databaseChangeLog
                    xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                <includeAll path="migrations/" relativeToChangelogFile="true"/>
            </databaseChangeLog>
            """;
}
