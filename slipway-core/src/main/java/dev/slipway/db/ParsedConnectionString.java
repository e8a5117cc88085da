package dev.slipway.db;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one connection string said, before the environment fills the gaps.
 *
 * @param keywords values by libpq keyword, empty values left out
 * @param driverProperties PgJDBC properties from a JDBC URL that have no libpq keyword, passed on unchanged
 */
record ParsedConnectionString(Map<Keyword, String> keywords, Map<String, String> driverProperties) {
    static final ParsedConnectionString EMPTY = new ParsedConnectionString(Map.of(), Map.of());

    ParsedConnectionString {
        keywords = Collections.unmodifiableMap(new LinkedHashMap<>(keywords));
        driverProperties = Collections.unmodifiableMap(new LinkedHashMap<>(driverProperties));
    }

    /** {@return the password the string carried, as a list for the redactor} */
    List<Secret> secrets() {
        return Optional.ofNullable(keywords.get(Keyword.PASSWORD)).map(Secret::new).stream().toList();
    }
}
