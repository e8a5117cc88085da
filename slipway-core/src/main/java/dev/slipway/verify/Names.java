package dev.slipway.verify;

import dev.slipway.db.PgIdentifiers;

/** Object names in messages, written as SQL would need them. */
final class Names {
    private Names() {
    }

    /** {@return {@code schema.name}, without the schema when it is {@code public}} */
    static String qualified(String schema, String name) {
        return "public".equals(schema) ? PgIdentifiers.quote(name) : PgIdentifiers.qualified(schema, name);
    }
}
