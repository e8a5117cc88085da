package dev.slipway.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster started from {@link PostgresBinaries} in a temporary directory, listening on 127.0.0.1.
 * <p>TCP connections authenticate with SCRAM as the superuser {@code postgres} and a random password; local socket
 * connections are trusted. The cluster is stopped and its directory removed by {@link #close()}, by a JVM
 * shutdown hook, and by a detached watchdog process if the JVM is killed outright, so no server outlives its run.
 * <p>Thread-safe.
 */
public final class PostgresServer implements AutoCloseable {
    /** The superuser of every cluster this launcher starts. */
    public static final String SUPERUSER = "postgres";

    private final PostgresBinaries binaries;
    private final Path baseDir;
    private final int port;
    private final String password;
    private final OsUser user = OsUser.current();
    private final Thread shutdownHook;
    private volatile Process postmaster;
    private volatile boolean stopped;

    private PostgresServer(PostgresBinaries binaries, Path baseDir, int port, String password) {
        this.binaries = binaries;
        this.baseDir = baseDir;
        this.port = port;
        this.password = password;
        this.shutdownHook = new Thread(this::stopQuietly, "stop PostgreSQL on port " + port);
    }

    /** Starts a new cluster of the given major version; see {@link PostgresBinaries#forMajor(int)}. */
    public static PostgresServer start(int major) {
        return start(PostgresBinaries.forMajor(major));
    }

    /** Starts a new cluster from the given binaries. */
    public static PostgresServer start(PostgresBinaries binaries) {
        try {
            Path base = Files.createTempDirectory("slipway-pg" + binaries.major() + "-");
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            PostgresServer server = new PostgresServer(binaries, base, freePort(), HexFormat.of().formatHex(random));
            server.initAndStart();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void initAndStart() throws IOException {
        OsUser owner = user;
        if (user.isRoot()) {
            UserPrincipal nobody = baseDir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(OsUser.SERVER_USER_WHEN_ROOT);
            Files.setOwner(baseDir, nobody);
        }
        Path pwfile = baseDir.resolve("pwfile");
        Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
        if (owner.isRoot()) {
            Files.setOwner(pwfile, Files.getOwner(baseDir));
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        startWatchdog();
        try {
            run(binaries.program("initdb").toString(), "-D", dataDir().toString(), "-U", SUPERUSER, "-E", "UTF8",
                    "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + pwfile,
                    "--no-sync");
        } finally {
            Files.deleteIfExists(pwfile);
        }
        List<String> postgres = new ArrayList<>(asServerUser());
        postgres.addAll(List.of(binaries.program("postgres").toString(), "-D", dataDir().toString(),
                "-p", Integer.toString(port), "-k", baseDir.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=200"));
        // A child of this JVM rather than a daemon started by pg_ctl, so the JVM reaps it when it exits.
        postmaster = new ProcessBuilder(postgres)
                .directory(baseDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(baseDir.resolve("server.log").toFile()))
                .start();
        awaitReady();
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection ignored = connect("postgres")) {
                return;
            } catch (SQLException notYet) {
                if (!postmaster.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("PostgreSQL did not start: " + notYet.getMessage() + "\n" + serverLog());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while PostgreSQL was starting", e);
                }
            }
        }
    }

    private String serverLog() throws IOException {
        Path log = baseDir.resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private List<String> asServerUser() {
        return user.isRoot() ? List.of("runuser", "-u", OsUser.SERVER_USER_WHEN_ROOT, "--") : List.of();
    }

    /**
     * A detached shell that waits for this JVM to end and then stops the cluster and removes its directory;
     * it covers a JVM killed with SIGKILL, where no shutdown hook runs.
     */
    private void startWatchdog() throws IOException {
        String asServerUser = user.isRoot() ? "runuser -u " + OsUser.SERVER_USER_WHEN_ROOT + " -- " : "";
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; "
                + "if [ -f '" + dataDir() + "/postmaster.pid' ]; then "
                + asServerUser + "'" + binaries.program("pg_ctl")
                + "' -D '" + dataDir() + "' -m immediate -w stop; fi; rm -rf '" + baseDir + "'";
        new ProcessBuilder("setsid", "sh", "-c", script)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private void run(String... command) throws IOException {
        List<String> full = new ArrayList<>(asServerUser());
        full.addAll(List.of(command));
        Path log = Files.createTempFile("slipway-pg-cmd-", ".log");
        try {
            Process process = new ProcessBuilder(full)
                    .directory(baseDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", full));
            }
            if (process.exitValue() != 0) {
                throw new IOException("failed (exit " + process.exitValue() + "): " + String.join(" ", full) + "\n"
                        + Files.readString(log) + serverLog());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", full), e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private Path dataDir() {
        return baseDir.resolve("data");
    }

    /** {@return the major version} */
    public int major() {
        return binaries.major();
    }

    /** {@return the directory holding the cluster's data and server log; {@link #close()} removes it} */
    public Path directory() {
        return baseDir;
    }

    /** {@return the binaries this server runs} */
    public PostgresBinaries binaries() {
        return binaries;
    }

    /** {@return the host to connect to} */
    public String host() {
        return "127.0.0.1";
    }

    /** {@return the TCP port} */
    public int port() {
        return port;
    }

    /** {@return the superuser's password, for the call that connects} */
    public String password() {
        return password;
    }

    /** {@return a JDBC URL for {@code database}, without credentials} */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port + "/" + database;
    }

    /** {@return a libpq URI for {@code database}, including the superuser's credentials} */
    public String libpqUrl(String database) {
        return "postgresql://" + SUPERUSER + ":" + password + "@" + host() + ":" + port + "/" + database;
    }

    /** Opens a superuser connection to {@code database}. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /** Creates an empty database called {@code name}. */
    public void createDatabase(String name) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("create database \"" + name.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Drops a database, ending its sessions first. */
    public void dropDatabase(String name) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            String quoted = "\"" + name.replace("\"", "\"\"") + "\"";
            if (major() >= 13) {
                statement.execute("drop database if exists " + quoted + " with (force)");
            } else {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                        + name.replace("'", "''") + "' and pid <> pg_backend_pid()");
                statement.execute("drop database if exists " + quoted);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server and removes its directory. */
    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void stopQuietly() {
        if (stopped) return;
        stopped = true;
        try {
            if (Files.exists(dataDir().resolve("postmaster.pid"))) {
                run(binaries.program("pg_ctl").toString(), "-D", dataDir().toString(), "-m", "fast", "-w", "stop");
            }
            if (postmaster != null && !postmaster.waitFor(30, TimeUnit.SECONDS)) postmaster.destroyForcibly();
        } catch (IOException e) {
            // the watchdog stops it when the JVM ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the watchdog stops it when the JVM ends
        } finally {
            TempFiles.deleteTree(baseDir);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL " + binaries.major() + " on " + host() + ":" + port + " (" + binaries.source() + ")";
    }
}
