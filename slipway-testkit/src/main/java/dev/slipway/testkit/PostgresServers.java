package dev.slipway.testkit;

import dev.slipway.embedded.PostgresServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One shared {@link PostgresServer} per major version for the whole JVM, started on first use and stopped when the
 * JVM ends. The default version is 15 and can be changed with the system property {@code slipway.postgres.version}.
 * <p>Thread-safe.
 */
public final class PostgresServers {
    private static final Map<Integer, PostgresServer> SHARED = new ConcurrentHashMap<>();
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private PostgresServers() {
    }

    /** {@return the major version tests run on unless they ask for another} */
    public static int defaultMajor() {
        return Integer.getInteger("slipway.postgres.version", 15);
    }

    /** {@return the shared server of {@code major}, starting it on first use} */
    public static PostgresServer shared(int major) {
        return SHARED.computeIfAbsent(major, PostgresServer::start);
    }

    /** {@return a new empty database on the shared server of {@code major}, named after {@code hint}} */
    public static TestDatabase newDatabase(int major, String hint) {
        String name = (hint.replaceAll("[^A-Za-z0-9]", "_").toLowerCase() + "_" + DATABASES.incrementAndGet());
        if (name.length() > 60) name = name.substring(name.length() - 60);
        return TestDatabase.create(shared(major), name.replaceFirst("^[^a-z]+", "db_"));
    }
}
