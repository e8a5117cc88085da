package dev.slipway.schema;

import java.util.List;

/**
 * Prints the DDL that turns one {@link SchemaModel} into another.
 */
public final class SchemaDdl {
    private SchemaDdl() {
    }

    /**
     * {@return the statements that turn a database holding {@code from} into one holding {@code to}}
     *
     * @param from the schema as it is
     * @param to   the schema as it should be
     */
    public static DdlScript between(SchemaModel from, SchemaModel to) {
        return new DdlScript(List.of(), List.of());
    }
}
