package dev.slipway.bench;

import java.util.Locale;

/** The tools side by side, each with the main class that runs it in a fresh JVM. */
public enum Tool {
    /** Slipway, this project. */
    SLIPWAY("Slipway", SlipwayChild.class, "select count(*) from public.slipway_history"),
    /** Flyway OSS with its PostgreSQL module. */
    FLYWAY("Flyway", FlywayChild.class, "select count(*) from public.flyway_schema_history where success"),
    /** Liquibase OSS. */
    LIQUIBASE("Liquibase", LiquibaseChild.class, "select count(*) from public.databasechangelog"),
    /** Plain JDBC, each file in its own transaction, no bookkeeping: the floor. */
    JDBC("plain JDBC (floor)", JdbcChild.class, null);

    private final String label;
    private final Class<?> mainClass;
    private final String historyCount;

    Tool(String label, Class<?> mainClass, String historyCount) {
        this.label = label;
        this.mainClass = mainClass;
        this.historyCount = historyCount;
    }

    /** {@return the name in tables} */
    public String label() {
        return label;
    }

    /** {@return the child main class} */
    public String mainClass() {
        return mainClass.getName();
    }

    /** {@return SQL counting the migrations the tool recorded as applied, or null for the floor} */
    public String historyCount() {
        return historyCount;
    }

    /** {@return the tool named {@code name}, case-insensitively} */
    public static Tool parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown tool '" + name + "' (slipway, flyway, liquibase, jdbc)", e);
        }
    }
}
