package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints the CREATE, DROP and COMMENT statements of single objects from the model's definitions. */
final class ObjectSql {
    private ObjectSql() {
    }

    static String quote(String identifier) {
        return PgIdentifiers.quote(identifier);
    }

    static String literal(String text) {
        return text == null ? "NULL" : PgIdentifiers.literal(text);
    }

    static String comment(String target, String comment) {
        return "COMMENT ON " + target + " IS " + literal(comment);
    }

    static String createEnum(EnumType type) {
        return "CREATE TYPE " + type.name() + " AS ENUM ("
                + type.labels().stream().map(PgIdentifiers::literal).collect(Collectors.joining(", ")) + ")";
    }

    static String createDomain(Domain domain) {
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(domain.name()).append(" AS ")
                .append(domain.baseType());
        if (domain.collation() != null) sql.append(" COLLATE ").append(domain.collation());
        if (domain.defaultExpression() != null) sql.append(" DEFAULT ").append(domain.defaultExpression());
        if (domain.notNull()) sql.append(" NOT NULL");
        return sql.toString();
    }

    static String addDomainCheck(Domain domain, DomainCheck check) {
        return "ALTER DOMAIN " + domain.name() + " ADD CONSTRAINT " + check.name() + " " + check.definition()
                + (check.validated() ? "" : " NOT VALID");
    }

    static String createComposite(CompositeType type) {
        return "CREATE TYPE " + type.name() + " AS ("
                + type.attributes().stream().map(ObjectSql::attribute).collect(Collectors.joining(", ")) + ")";
    }

    static String attribute(Attribute attribute) {
        return attribute.name() + " " + attribute.type()
                + (attribute.collation() == null ? "" : " COLLATE " + attribute.collation());
    }

    static String sequenceOptions(Sequence sequence) {
        return "AS " + sequence.type() + " START WITH " + sequence.start() + " INCREMENT BY " + sequence.increment()
                + " MINVALUE " + sequence.minValue() + " MAXVALUE " + sequence.maxValue() + " CACHE "
                + sequence.cache() + (sequence.cycle() ? " CYCLE" : " NO CYCLE");
    }

    /** Options of an identity column's sequence; its type follows the column's. */
    static String identityOptions(Sequence sequence) {
        return " (SEQUENCE NAME " + sequence.name() + " START WITH " + sequence.start() + " INCREMENT BY "
                + sequence.increment() + " MINVALUE " + sequence.minValue() + " MAXVALUE " + sequence.maxValue()
                + " CACHE " + sequence.cache() + (sequence.cycle() ? " CYCLE" : " NO CYCLE") + ")";
    }

    static String createExtension(Extension extension) {
        return "CREATE EXTENSION IF NOT EXISTS " + extension.name() + " WITH SCHEMA " + quote(extension.schema())
                + " VERSION " + literal(extension.version());
    }

    /** {@code pg_get_viewdef} ends the query with a semicolon; a statement of ours must not. */
    static String createView(View view) {
        String query = view.definition().strip();
        if (query.endsWith(";")) query = query.substring(0, query.length() - 1);
        String options = view.options().isEmpty() ? "" : " WITH (" + String.join(", ", view.options()) + ")";
        return (view.materialized() ? "CREATE MATERIALIZED VIEW " : "CREATE VIEW ") + view.name() + options
                + " AS\n" + query;
    }

    static String replaceView(View view) {
        return "CREATE OR REPLACE VIEW" + createView(view).substring("CREATE VIEW".length());
    }

    static String dropView(View view) {
        return (view.materialized() ? "DROP MATERIALIZED VIEW " : "DROP VIEW ") + view.name();
    }

    static String viewTarget(View view) {
        return (view.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + view.name();
    }

    static String routine(Routine routine) {
        return routine.definition().strip();
    }

    static String routineTarget(Routine routine) {
        return (routine.procedure() ? "PROCEDURE " : "FUNCTION ") + routine.name();
    }

    /** {@code pg_get_indexdef} says {@code ON ONLY} for a partitioned table, which would leave partitions without. */
    static String createIndex(Index index) {
        return index.definition().replaceFirst(" ON ONLY ", " ON ");
    }

    static String indexTarget(String schema, Index index) {
        return "INDEX " + PgIdentifiers.qualified(schema, index.indexName());
    }

    static String createPolicy(String table, Policy policy) {
        StringBuilder sql = new StringBuilder("CREATE POLICY ").append(policy.name()).append(" ON ").append(table)
                .append(policy.permissive() ? " AS PERMISSIVE" : " AS RESTRICTIVE").append(" FOR ")
                .append(policy.command()).append(" TO ").append(roles(policy.roles()));
        if (policy.using() != null) sql.append(" USING (").append(policy.using()).append(")");
        if (policy.withCheck() != null) sql.append(" WITH CHECK (").append(policy.withCheck()).append(")");
        return sql.toString();
    }

    private static String roles(List<String> roles) {
        if (roles.isEmpty()) return "PUBLIC";
        return roles.stream().map(role -> role.equals("public") ? "PUBLIC" : quote(role))
                .collect(Collectors.joining(", "));
    }

    /** {@return the ALTER TABLE action that gives a trigger its status, or null when it is simply enabled} */
    static String triggerStatus(String table, Trigger trigger) {
        String action = switch (trigger.enabled()) {
            case "disabled" -> "DISABLE TRIGGER ";
            case "replica" -> "ENABLE REPLICA TRIGGER ";
            case "always" -> "ENABLE ALWAYS TRIGGER ";
            default -> null;
        };
        return action == null ? null : "ALTER TABLE " + table + " " + action + trigger.name();
    }

    static String identityWord(String identity) {
        return identity.toUpperCase(Locale.ROOT);
    }
}
