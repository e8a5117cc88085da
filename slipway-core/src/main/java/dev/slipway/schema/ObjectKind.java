package dev.slipway.schema;

/**
 * The kinds of object a {@link SchemaModel} holds, in the order a comparison lists them: the order in which they can
 * be created (types before the tables that use them, tables before views and routines).
 */
public enum ObjectKind {
    SCHEMA("schema"),
    EXTENSION("extension"),
    ENUM("enum"),
    DOMAIN("domain"),
    COMPOSITE_TYPE("composite type"),
    SEQUENCE("sequence"),
    TABLE("table"),
    COLUMN("column"),
    ATTRIBUTE("attribute"),
    CONSTRAINT("constraint"),
    INDEX("index"),
    TRIGGER("trigger"),
    POLICY("policy"),
    VIEW("view"),
    MATERIALIZED_VIEW("materialized view"),
    FUNCTION("function"),
    PROCEDURE("procedure");

    private final String label;

    ObjectKind(String label) {
        this.label = label;
    }

    /** {@return how messages name the kind, e.g. {@code materialized view}} */
    public String label() {
        return label;
    }
}
