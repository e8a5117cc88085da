package dev.slipway.db;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells the three accepted forms apart and parses each: libpq URIs, JDBC URLs and libpq keyword/value strings.
 * Stateless.
 */
final class ConnectionStrings {
    private static final Pattern OTHER_SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*://");

    private ConnectionStrings() {
    }

    /** {@return what {@code input} says; a null or blank input says nothing} */
    static ParsedConnectionString parse(String input) {
        if (input == null || input.isBlank()) return ParsedConnectionString.EMPTY;
        String text = input.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgresql://")) return UriForm.libpq(text, "postgresql://".length());
        if (lower.startsWith("postgres://")) return UriForm.libpq(text, "postgres://".length());
        if (lower.startsWith("jdbc:postgresql:")) return UriForm.jdbc(text, "jdbc:postgresql:".length());
        // another scheme is a URL only at the start: a quoted value of the key=value form may hold "://"
        if (OTHER_SCHEME.matcher(lower).lookingAt() || lower.startsWith("jdbc:") || !text.contains("=")) {
            throw ConnectionSpecException.notPostgres(text);
        }
        return KeywordValueForm.parse(text);
    }

    /**
     * Adds a libpq keyword and its value, failing on keywords PgJDBC cannot honour. Empty values are dropped, as
     * libpq treats them as unset.
     */
    static void putKeyword(Map<Keyword, String> keywords, String name, String value, String input,
                           Collection<Secret> known) {
        Optional<Keyword> keyword = Keyword.byName(name);
        if (keyword.isEmpty()) throw ConnectionSpecException.in(unsupported(name), input, known);
        if (value.isEmpty()) {
            keywords.remove(keyword.get());
        } else {
            keywords.put(keyword.get(), value);
        }
    }

    private static String unsupported(String name) {
        return switch (name) {
            case "hostaddr" -> "unsupported connection parameter 'hostaddr' (put the address in host instead)";
            case "service" -> "unsupported connection parameter 'service' (service files are not read; give host,"
                    + " port and dbname instead)";
            case "target_session_attrs", "load_balance_hosts" -> "unsupported connection parameter '" + name
                    + "' (it only matters with several hosts; connect to the primary directly)";
            default -> "unsupported connection parameter '" + name + "' (supported: " + Keyword.names() + ")";
        };
    }

    /** {@return the keywords collected so far, as a fresh ordered map} */
    static Map<Keyword, String> newKeywords() {
        return new LinkedHashMap<>();
    }
}
