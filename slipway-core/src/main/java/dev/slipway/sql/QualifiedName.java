package dev.slipway.sql;

import java.util.List;
import java.util.Objects;

/**
 * A possibly schema-qualified object name such as {@code public.orders}, spelled as the catalog stores it (see
 * {@link Token#identifier()}).
 *
 * @param schema the schema, or null when the name is unqualified
 * @param name   the object's own name
 */
public record QualifiedName(String schema, String name) {

    /** Checks that the name is present. */
    public QualifiedName {
        Objects.requireNonNull(name, "name");
    }

    /** {@return an unqualified name} */
    public static QualifiedName of(String name) {
        return new QualifiedName(null, name);
    }

    /**
     * {@return the name the dotted parts of a name stand for; a database prefix in a three-part name is dropped}
     * @throws IllegalArgumentException if there are no parts
     */
    static QualifiedName of(List<Token> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("a name has at least one part");
        String name = parts.get(parts.size() - 1).identifier();
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2).identifier() : null;
        return new QualifiedName(schema, name);
    }

    /** {@return whether both name the same object, an unqualified name matching any schema} */
    public boolean sameObject(QualifiedName other) {
        return name.equals(other.name) && (schema == null || other.schema == null || schema.equals(other.schema));
    }

    /** {@return the name as written in SQL, with quotes where the server needs them} */
    @Override
    public String toString() {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    private static String quote(String identifier) {
        boolean plain = !identifier.isEmpty() && (Character.isLowerCase(identifier.charAt(0))
                || identifier.charAt(0) == '_');
        for (int i = 0; plain && i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            plain = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '$' || c > 127;
        }
        return plain ? identifier : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
