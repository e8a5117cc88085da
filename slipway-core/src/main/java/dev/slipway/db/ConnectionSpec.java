package dev.slipway.db;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where and as whom to connect, fully resolved: nothing in it depends on the environment any more.
 * <p>Build it with {@link #resolve(String, Environment)}, which reads a libpq URI, a JDBC URL or a libpq
 * keyword/value string and fills what it leaves out the way libpq does. Its {@code toString} is
 * {@link #redacted()}: the password never appears. Immutable and thread-safe.
 *
 * @param host a host name or IP address (IPv6 without brackets); never a Unix-socket directory
 * @param port the TCP port
 * @param database the database name
 * @param user the user name
 * @param password the password, if one was found
 * @param parameters further settings by libpq keyword ({@code sslmode}, {@code application_name}, ...); PgJDBC
 *     properties from a JDBC URL that libpq has no keyword for keep their PgJDBC name and are passed on unchanged
 */
public record ConnectionSpec(String host, int port, String database, String user, Optional<Secret> password,
                             Map<String, String> parameters) {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSpec.class);

    /** Checks the parts and copies the parameters, which are kept sorted by name. */
    public ConnectionSpec {
        requireText(host, "host");
        requireText(database, "database");
        requireText(user, "user");
        Objects.requireNonNull(password, "password");
        if (port < 1 || port > 65535) throw new ConnectionSpecException("port " + port + " is not in 1..65535");
        if (isSocketDirectory(host)) throw new ConnectionSpecException(socketProblem(host));
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /** {@return true for a libpq host that names a Unix-domain socket directory rather than a TCP host} */
    static boolean isSocketDirectory(String host) {
        return host.startsWith("/") || host.startsWith("@") || host.matches("[A-Za-z]:[\\\\/].*");
    }

    /** {@return the message for a Unix-socket host, which PgJDBC cannot use} */
    static String socketProblem(String host) {
        return "host '" + host + "' is a Unix-domain socket directory, which the JDBC driver cannot use;"
                + " connect over TCP instead, e.g. host=127.0.0.1 (the server must listen on it)";
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) throw new ConnectionSpecException("the " + what + " is empty");
    }

    /**
     * Resolves a connection string the way libpq does; warnings (an unsafe password file) are logged.
     *
     * @see #resolve(String, Environment, Consumer)
     */
    public static ConnectionSpec resolve(String url, Environment env) {
        return resolve(url, env, LOG::warn);
    }

    /**
     * Resolves a connection string the way libpq does.
     * <p>{@code url} may be a libpq URI ({@code postgresql://} or {@code postgres://}), a JDBC URL
     * ({@code jdbc:postgresql://}) or a keyword/value string ({@code host=db dbname=app}), or null. What it leaves
     * out comes from the PG* variables ({@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER},
     * {@code PGSSLMODE}, ...), then from libpq's defaults: host {@code localhost}, port 5432, the operating-system
     * user, a database named like the user. The password comes from the URL, else {@code PGPASSWORD}, else the
     * password file ({@code passfile}, {@code PGPASSFILE} or {@code ~/.pgpass}).
     *
     * @param warnings receives problems that do not stop the connection, such as an ignored password file
     * @throws ConnectionSpecException for malformed input, another database's URL, several hosts or a Unix socket
     */
    public static ConnectionSpec resolve(String url, Environment env, Consumer<String> warnings) {
        return new ConnectionSpecResolver(url, env, warnings).resolve();
    }

    /** {@return a copy that connects to another database on the same server, with the same password} */
    public ConnectionSpec withDatabase(String otherDatabase) {
        return new ConnectionSpec(host, port, otherDatabase, user, password, parameters);
    }

    /** {@return the JDBC URL of host, port and database, without user, password or parameters} */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + PercentCoding.encode(database);
    }

    /**
     * {@return the properties PgJDBC needs next to {@link #jdbcUrl()}: user, password, and the parameters under
     * PgJDBC's names}
     *
     * @param applicationName what {@code pg_stat_activity} shows when the URL names no {@code application_name}
     *     or {@code fallback_application_name}; null for none
     */
    public Properties jdbcProperties(String applicationName) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        password.ifPresent(secret -> properties.setProperty("password", secret.reveal()));
        String fallback = parameters.getOrDefault(Keyword.FALLBACK_APPLICATION_NAME.libpqName(), applicationName);
        if (fallback != null) {
            properties.setProperty("ApplicationName", fallback);
        }
        parameters.forEach((name, value) -> {
            Optional<Keyword> keyword = Keyword.byName(name);
            if (keyword.isEmpty()) {
                properties.setProperty(name, value);
            } else {
                keyword.get().driverName().ifPresent(driverName -> properties.setProperty(driverName, value));
            }
        });
        return properties;
    }

    /**
     * {@return a libpq URI without the password, e.g. for {@code pg_dump --dbname}; hand the password over in
     * {@code PGPASSWORD}, never on a command line}
     * <p>Parameters that only PgJDBC understands and secret parameters are left out.
     */
    public String libpqUri() {
        return uri(false, true);
    }

    /**
     * {@return a libpq URI with the password masked, e.g. {@code postgresql://app:****@db:5432/app?sslmode=require}}
     */
    public String redacted() {
        return uri(true, false);
    }

    /** {@return {@link #redacted()}} */
    @Override
    public String toString() {
        return redacted();
    }

    private String uri(boolean maskedPassword, boolean libpqOnly) {
        StringBuilder uri = new StringBuilder("postgresql://").append(PercentCoding.encode(user));
        if (maskedPassword && password.isPresent()) {
            uri.append(':').append(PasswordRedactor.MASK);
        }
        uri.append('@').append(hostForUrl()).append(':').append(port).append('/')
                .append(PercentCoding.encode(database));
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            boolean secret = parameter.getKey().toLowerCase(Locale.ROOT).contains("password");
            if (libpqOnly && (secret || Keyword.byName(parameter.getKey()).isEmpty())) continue;
            uri.append(separator).append(PercentCoding.encode(parameter.getKey())).append('=')
                    .append(secret ? PasswordRedactor.MASK : PercentCoding.encode(parameter.getValue()));
            separator = '&';
        }
        return uri.toString();
    }

    private String hostForUrl() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }
}
