package dev.slipway.schema;

import dev.slipway.db.PgIdentifiers;
import java.util.List;
import java.util.Map;

/**
 * A sequence, including those behind serial and identity columns. Its current value is data, not schema, and is not
 * part of the model.
 *
 * @param schema       the schema
 * @param sequenceName its name
 * @param type         its data type, e.g. {@code bigint}
 * @param start        START WITH
 * @param increment    INCREMENT BY
 * @param minValue     MINVALUE
 * @param maxValue     MAXVALUE
 * @param cache        CACHE
 * @param cycle        CYCLE
 * @param ownedBy      the column it is OWNED BY as {@code schema.table.column}, or {@code null}
 * @param identity     whether it is the sequence of an identity column (created and dropped with the column)
 * @param comment      its comment, or {@code null}
 * @param grants       privileges granted to others than its owner, sorted (see {@link Grants})
 */
public record Sequence(String schema, String sequenceName, String type, long start, long increment, long minValue,
        long maxValue, long cache, boolean cycle, String ownedBy, boolean identity, String comment,
        List<String> grants) implements SchemaObject {
    /** Copies the privileges. */
    public Sequence {
        grants = List.copyOf(grants);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SEQUENCE;
    }

    @Override
    public String name() {
        return PgIdentifiers.qualified(schema, sequenceName);
    }

    @Override
    public Map<String, String> properties() {
        return Properties.of().put("type", type).put("start", Long.toString(start))
                .put("increment", Long.toString(increment)).put("minvalue", Long.toString(minValue))
                .put("maxvalue", Long.toString(maxValue)).put("cache", Long.toString(cache)).flag("cycle", cycle)
                .put("owned by", ownedBy).flag("identity", identity).put("comment", comment)
                .list("privileges", grants).build();
    }
}
