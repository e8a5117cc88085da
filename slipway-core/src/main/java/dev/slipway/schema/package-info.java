/**
 * A PostgreSQL database's schema as values: {@link dev.slipway.schema.SchemaReader} reads the catalog into a
 * {@link dev.slipway.schema.SchemaModel} (one query per object kind for the whole database) and
 * {@link dev.slipway.schema.SchemaComparison} names the differences between two models.
 * <p>The model is normalised: it holds no OIDs and no physical order, its collections are sorted by name, so two
 * databases built by the same migrations give equal models. It keeps full definitions (from PostgreSQL's own
 * {@code pg_get_*def} functions, read with an empty {@code search_path} so every name in them is schema-qualified),
 * enough to print a CREATE statement for every object.
 * <p>Sits below {@code lint} and above {@code history}: it imports {@code history} (to skip the history tables) and
 * {@code db}.
 */
package dev.slipway.schema;
