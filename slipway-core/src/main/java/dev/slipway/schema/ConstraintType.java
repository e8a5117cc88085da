package dev.slipway.schema;

/** The kinds of table constraint the model keeps (NOT NULL is a column property). */
public enum ConstraintType {
    PRIMARY_KEY("primary key"),
    UNIQUE("unique"),
    FOREIGN_KEY("foreign key"),
    CHECK("check"),
    EXCLUSION("exclusion");

    private final String label;

    ConstraintType(String label) {
        this.label = label;
    }

    /** {@return the type for {@code pg_constraint.contype}} */
    static ConstraintType of(String contype) {
        return switch (contype) {
            case "p" -> PRIMARY_KEY;
            case "u" -> UNIQUE;
            case "f" -> FOREIGN_KEY;
            case "c" -> CHECK;
            case "x" -> EXCLUSION;
            default -> throw new IllegalArgumentException("not a table constraint type: " + contype);
        };
    }

    /** {@return how messages name the type, e.g. {@code foreign key}} */
    public String label() {
        return label;
    }
}
