package dev.slipway.apply;

import dev.slipway.Slipway;
import dev.slipway.SlipwayBuilder;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A folder of migration files for one test and the Slipway a test runs on it: short lock timeouts, two retries,
 * and every event kept for assertions.
 */
final class MigrationFolder {
    private final TestDatabase db;
    private final Path dir;
    private final List<ApplyEvent> events = new CopyOnWriteArrayList<>();

    MigrationFolder(TestDatabase db, Path dir) {
        this.db = db;
        this.dir = dir;
    }

    /** Writes (or overwrites) a migration file. */
    MigrationFolder write(String name, String sql) {
        try {
            Files.writeString(dir.resolve(name), sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    MigrationFolder delete(String name) {
        try {
            Files.delete(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path dir() {
        return dir;
    }

    /** {@return a builder on the test database and this folder, with short lock timeouts} */
    SlipwayBuilder configure() {
        return Slipway.configure()
                .dataSource(db.dataSource())
                .locations(dir.toString())
                .lockRetries(2)
                .lockTimeout(Duration.ofMillis(300))
                .lockWait(Duration.ofSeconds(10))
                .listener(events::add);
    }

    /** {@return a Slipway on the folder as it is now} */
    Slipway load() {
        return configure().load();
    }

    /** {@return the events seen so far, of one type} */
    <T extends ApplyEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    void clearEvents() {
        events.clear();
    }

    /** {@return the file name of a script as recorded (the path as the location gives it)} */
    static String fileName(String script) {
        return Path.of(script).getFileName().toString();
    }

    /** {@return the columns of a table in the public schema, in order; empty when the table does not exist} */
    static List<String> columns(TestDatabase db, String table) throws SQLException {
        return strings(db, "select column_name from information_schema.columns where table_schema = 'public'"
                + " and table_name = '" + table + "' order by ordinal_position");
    }

    /** {@return the tables of the public schema, sorted, without Slipway's own} */
    static List<String> tables(TestDatabase db) throws SQLException {
        return strings(db, "select table_name from information_schema.tables where table_schema = 'public'"
                + " and table_type = 'BASE TABLE' and table_name not like 'slipway_history%' order by 1");
    }

    /** {@return the first column of every row of a query} */
    static List<String> strings(TestDatabase db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) values.add(rows.getString(1));
        }
        return values;
    }
}
