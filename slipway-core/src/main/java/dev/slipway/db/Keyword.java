package dev.slipway.db;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The libpq connection keywords Slipway understands: where each may come from in the environment, what PgJDBC
 * calls it, and which values it accepts.
 * <p>Keywords libpq has but PgJDBC cannot honour (Unix sockets, service files, {@code hostaddr}) are absent on
 * purpose, so a URL using them fails with a message instead of being half-obeyed.
 */
enum Keyword {
    HOST("host", "PGHOST", null),
    PORT("port", "PGPORT", null),
    DBNAME("dbname", "PGDATABASE", null),
    USER("user", "PGUSER", null),
    PASSWORD("password", "PGPASSWORD", null),
    PASSFILE("passfile", "PGPASSFILE", null),
    CONNECT_TIMEOUT("connect_timeout", "PGCONNECT_TIMEOUT", "connectTimeout"),
    OPTIONS("options", "PGOPTIONS", "options"),
    APPLICATION_NAME("application_name", "PGAPPNAME", "ApplicationName"),
    FALLBACK_APPLICATION_NAME("fallback_application_name", null, null),
    SSLMODE("sslmode", "PGSSLMODE", "sslmode",
            "disable", "allow", "prefer", "require", "verify-ca", "verify-full"),
    SSLROOTCERT("sslrootcert", "PGSSLROOTCERT", "sslrootcert"),
    SSLCERT("sslcert", "PGSSLCERT", "sslcert"),
    SSLKEY("sslkey", "PGSSLKEY", "sslkey"),
    SSLPASSWORD("sslpassword", null, "sslpassword"),
    SSLNEGOTIATION("sslnegotiation", "PGSSLNEGOTIATION", "sslNegotiation", "postgres", "direct"),
    CHANNEL_BINDING("channel_binding", "PGCHANNELBINDING", "channelBinding", "disable", "prefer", "require"),
    GSSENCMODE("gssencmode", "PGGSSENCMODE", "gssEncMode", "disable", "prefer", "require"),
    REQUIRE_AUTH("require_auth", "PGREQUIREAUTH", "requireAuth");

    private final String libpqName;
    private final String variable;
    private final String driverName;
    private final List<String> choices;

    Keyword(String libpqName, String variable, String driverName, String... choices) {
        this.libpqName = libpqName;
        this.variable = variable;
        this.driverName = driverName;
        this.choices = List.of(choices);
    }

    /** {@return the keyword with this libpq name} */
    static Optional<Keyword> byName(String name) {
        return Arrays.stream(values()).filter(keyword -> keyword.libpqName.equals(name)).findFirst();
    }

    /** {@return every keyword name, for messages} */
    static String names() {
        return String.join(", ", Arrays.stream(values()).map(Keyword::libpqName).toList());
    }

    /** {@return the name in libpq URIs and keyword/value strings} */
    String libpqName() {
        return libpqName;
    }

    /** {@return the environment variable that supplies a default, if any} */
    Optional<String> variable() {
        return Optional.ofNullable(variable);
    }

    /** {@return PgJDBC's property name, empty for keywords that are not passed on as they are} */
    Optional<String> driverName() {
        return Optional.ofNullable(driverName);
    }

    /** {@return true for the keywords that become {@link ConnectionSpec#parameters()}} */
    boolean isParameter() {
        return this != HOST && this != PORT && this != DBNAME && this != USER && this != PASSWORD && this != PASSFILE;
    }

    /** {@return why {@code value} is not acceptable, or empty when it is} */
    Optional<String> problemWith(String value) {
        if (!choices.isEmpty() && !choices.contains(value)) {
            return Optional.of("invalid " + libpqName + " '" + value + "' (expected " + String.join(", ", choices)
                    + ")");
        }
        if (this == CONNECT_TIMEOUT && !value.matches("\\d{1,9}")) {
            return Optional.of("invalid connect_timeout '" + value + "' (expected whole seconds, e.g. 10)");
        }
        return Optional.empty();
    }
}
