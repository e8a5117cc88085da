package dev.slipway.db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses URL-shaped connection strings: libpq URIs ({@code postgresql://user:password@host:port/db?k=v}) and PgJDBC
 * URLs ({@code jdbc:postgresql://host:port/db?user=..&password=..}, {@code jdbc:postgresql:db}). Stateless.
 */
final class UriForm {
    /** PgJDBC property names that mean the same as a libpq keyword; the rest of a JDBC query is passed through. */
    private static final Map<String, String> JDBC_TO_LIBPQ = Map.of(
            "user", "user", "password", "password", "ApplicationName", "application_name",
            "connectTimeout", "connect_timeout", "options", "options", "sslmode", "sslmode",
            "sslrootcert", "sslrootcert", "sslcert", "sslcert", "sslkey", "sslkey", "sslpassword", "sslpassword");

    private final String input;
    private final boolean jdbc;
    private final Map<Keyword, String> keywords = ConnectionStrings.newKeywords();
    private final Map<String, String> driverProperties = new LinkedHashMap<>();

    private UriForm(String input, boolean jdbc) {
        this.input = input;
        this.jdbc = jdbc;
    }

    /** {@return the parts of a libpq URI; {@code start} is the index just past {@code ://}} */
    static ParsedConnectionString libpq(String input, int start) {
        UriForm form = new UriForm(input, false);
        form.parseHierarchical(start);
        return form.result();
    }

    /** {@return the parts of a JDBC URL; {@code start} is the index just past {@code jdbc:postgresql:}} */
    static ParsedConnectionString jdbc(String input, int start) {
        UriForm form = new UriForm(input, true);
        if (input.startsWith("//", start)) {
            form.parseHierarchical(start + 2);
        } else {
            // jdbc:postgresql:db or jdbc:postgresql:/ — no host part, so PgJDBC's defaults (our environment) apply
            int query = input.indexOf('?', start);
            String database = input.substring(start, query < 0 ? input.length() : query);
            form.put("dbname", form.decode(database.startsWith("/") ? database.substring(1) : database,
                    "database name"));
            if (query >= 0) {
                form.parseQuery(input.substring(query + 1));
            }
        }
        return form.result();
    }

    private ParsedConnectionString result() {
        return new ParsedConnectionString(keywords, driverProperties);
    }

    private void parseHierarchical(int start) {
        String rest = input.substring(start);
        int userInfoEnd = PasswordRedactor.userInfoEnd(rest);
        int authorityStart = 0;
        if (userInfoEnd >= 0) {
            parseUserInfo(rest.substring(0, userInfoEnd));
            authorityStart = userInfoEnd + 1;
        }
        int pathStart = indexOfAny(rest, "/?", authorityStart, rest.length());
        parseHostAndPort(rest.substring(authorityStart, pathStart));
        if (pathStart == rest.length()) return;
        int query = rest.indexOf('?', pathStart);
        if (rest.charAt(pathStart) == '/') {
            String database = rest.substring(pathStart + 1, query < 0 ? rest.length() : query);
            put("dbname", decode(database, "database name"));
        }
        if (query >= 0) {
            parseQuery(rest.substring(query + 1));
        }
    }

    private void parseUserInfo(String userInfo) {
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            put("user", decode(userInfo, "user name"));
            return;
        }
        put("user", decode(userInfo.substring(0, colon), "user name"));
        put("password", decode(userInfo.substring(colon + 1), "password"));
    }

    private void parseHostAndPort(String hostPort) {
        if (hostPort.isEmpty()) return;
        if (hostPort.contains(",")) {
            throw fail("several hosts ('" + hostPort + "') are not supported; give the primary's host only");
        }
        String host;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) throw fail("unclosed '[' in host '" + hostPort + "'");
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (after.startsWith(":")) {
                port = after.substring(1);
            } else if (!after.isEmpty()) {
                throw fail("unexpected '" + after + "' after host '" + hostPort.substring(0, close + 1) + "'");
            }
        } else {
            int colon = hostPort.indexOf(':');
            if (colon >= 0 && hostPort.indexOf(':', colon + 1) >= 0) {
                throw fail("IPv6 address '" + hostPort + "' needs brackets, e.g. [::1]:5432");
            }
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            if (colon >= 0) {
                port = hostPort.substring(colon + 1);
            }
        }
        put("host", decode(host, "host"));
        if (port != null) {
            put("port", decode(port, "port"));
        }
    }

    private void parseQuery(String query) {
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw fail("missing '=' after query parameter '" + decode(pair, "query parameter") + "'");
            }
            String name = decode(pair.substring(0, equals), "query parameter name");
            String value = decode(pair.substring(equals + 1), "value of query parameter '" + name + "'");
            if (jdbc) {
                putJdbcProperty(name, value);
            } else if (name.equals("ssl")) {
                // libpq's own JDBC compatibility: ssl=true means sslmode=require
                if (!value.equals("true")) throw fail("invalid ssl '" + value + "' (only ssl=true is understood)");
                keywords.putIfAbsent(Keyword.SSLMODE, "require");
            } else {
                put(name, value);
            }
        }
    }

    private void putJdbcProperty(String name, String value) {
        String libpqName = JDBC_TO_LIBPQ.get(name);
        if (libpqName != null) {
            put(libpqName, value);
        } else if (name.equals("service")) {
            put(name, value); // fails with the service-file message
        } else if (name.equalsIgnoreCase("PGHOST") || name.equalsIgnoreCase("PGPORT")
                || name.equalsIgnoreCase("PGDBNAME")) {
            throw fail("query parameter '" + name + "' is not supported; put the host, port and database in the URL");
        } else {
            driverProperties.put(name, value);
        }
    }

    private void put(String name, String value) {
        ConnectionStrings.putKeyword(keywords, name, value, input, secrets());
    }

    private String decode(String text, String what) {
        try {
            return PercentCoding.decode(text, jdbc);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage() + " in the " + what);
        }
    }

    private ConnectionSpecException fail(String problem) {
        return ConnectionSpecException.in(problem, input, secrets());
    }

    private List<Secret> secrets() {
        return new ParsedConnectionString(keywords, Map.of()).secrets();
    }

    private static int indexOfAny(String text, String chars, int from, int otherwise) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) return i;
        }
        return otherwise;
    }
}
