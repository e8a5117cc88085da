package dev.slipway.db;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns one connection string and the environment into a {@link ConnectionSpec}, in libpq's order: the string,
 * then PG* variables, then defaults. Remembers where each value came from so a bad one is reported with its source.
 * One instance per resolution; not thread-safe.
 */
final class ConnectionSpecResolver {
    private static final int DEFAULT_PORT = 5432;

    private final String url;
    private final Environment env;
    private final Consumer<String> warnings;
    private final Map<Keyword, Setting> settings = new EnumMap<>(Keyword.class);
    private List<Secret> secrets = List.of();

    /** A value and where it came from: the quoted, redacted URL or the name of a variable. */
    private record Setting(String value, String source) {
    }

    ConnectionSpecResolver(String url, Environment env, Consumer<String> warnings) {
        this.url = url;
        this.env = env;
        this.warnings = warnings;
    }

    ConnectionSpec resolve() {
        ParsedConnectionString parsed = ConnectionStrings.parse(url);
        secrets = parsed.secrets();
        if (!parsed.keywords().isEmpty()) {
            String source = ConnectionSpecException.quote(url, secrets);
            parsed.keywords().forEach((keyword, value) -> settings.put(keyword, new Setting(value, source)));
        }
        for (Keyword keyword : Keyword.values()) {
            if (settings.containsKey(keyword)) continue;
            keyword.variable().ifPresent(name ->
                    env.variable(name).ifPresent(value -> settings.put(keyword, new Setting(value, name))));
        }
        settings.forEach((keyword, setting) -> keyword.problemWith(setting.value()).ifPresent(problem -> {
            throw invalid(problem, setting);
        }));

        String host = host();
        int port = port();
        String user = value(Keyword.USER).orElse(env.osUser());
        String database = value(Keyword.DBNAME).orElse(user);
        Optional<Secret> password = value(Keyword.PASSWORD).map(Secret::new);
        if (password.isEmpty()) {
            Path passFile = value(Keyword.PASSFILE).map(Path::of).orElse(env.home().resolve(".pgpass"));
            password = PassFile.lookup(passFile, host, port, database, user, warnings);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        settings.forEach((keyword, setting) -> {
            if (keyword.isParameter()) {
                parameters.put(keyword.libpqName(), setting.value());
            }
        });
        parameters.putAll(parsed.driverProperties());
        return new ConnectionSpec(host, port, database, user, password, parameters);
    }

    private String host() {
        Setting host = settings.get(Keyword.HOST);
        if (host == null) return "localhost";
        if (host.value().contains(",")) {
            throw invalid("several hosts ('" + host.value() + "') are not supported; give the primary's host only",
                    host);
        }
        if (ConnectionSpec.isSocketDirectory(host.value())) {
            throw invalid(ConnectionSpec.socketProblem(host.value()), host);
        }
        return host.value();
    }

    private int port() {
        Setting port = settings.get(Keyword.PORT);
        if (port == null) return DEFAULT_PORT;
        if (port.value().contains(",")) {
            throw invalid("several ports ('" + port.value() + "') are not supported; give the primary's port only",
                    port);
        }
        int number = port.value().matches("\\d{1,5}") ? Integer.parseInt(port.value()) : -1;
        if (number < 1 || number > 65535) {
            throw invalid("invalid port '" + port.value() + "' (expected 1 to 65535)", port);
        }
        return number;
    }

    private Optional<String> value(Keyword keyword) {
        return Optional.ofNullable(settings.get(keyword)).map(Setting::value);
    }

    private ConnectionSpecException invalid(String problem, Setting setting) {
        return new ConnectionSpecException(PasswordRedactor.redact(problem, secrets) + " in " + setting.source());
    }
}
