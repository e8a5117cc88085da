package dev.slipway.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code CREATE [UNIQUE] INDEX CONCURRENTLY} statement builds, so that a runner resuming after a crash can
 * look the index up in the catalog: valid means done, invalid means drop it and build again.
 * <p>Names are spelled as the catalog stores them (see {@link Token#identifier()}).
 *
 * @param schema      the schema named with the table, which is also the index's schema; null when unqualified
 * @param indexName   the index name; null when the statement lets the server choose one
 * @param table       the table the index is built on
 * @param unique      whether it is a {@code UNIQUE} index
 * @param ifNotExists whether the statement says {@code IF NOT EXISTS}
 */
public record ConcurrentIndexBuild(String schema, String indexName, String table, boolean unique,
                                   boolean ifNotExists) {

    /** Checks that the table is named. */
    public ConcurrentIndexBuild {
        Objects.requireNonNull(table, "table");
    }

    /** {@return the index build the statement with these significant tokens performs, if it is one} */
    static Optional<ConcurrentIndexBuild> of(List<Token> tokens) {
        TokenReader reader = new TokenReader(tokens);
        if (!reader.accept("CREATE")) return Optional.empty();
        boolean unique = reader.accept("UNIQUE");
        if (!reader.acceptAll("INDEX", "CONCURRENTLY")) return Optional.empty();
        boolean ifNotExists = reader.acceptAll("IF", "NOT", "EXISTS");
        String indexName = null;
        if (!reader.at("ON")) {
            Optional<Token> name = reader.acceptIdentifier();
            if (name.isEmpty()) return Optional.empty();
            indexName = name.get().identifier();
        }
        if (!reader.accept("ON")) return Optional.empty();
        reader.accept("ONLY");
        List<Token> tableName = reader.acceptQualifiedName();
        if (tableName.isEmpty()) return Optional.empty();
        String table = tableName.get(tableName.size() - 1).identifier();
        String schema = tableName.size() > 1 ? tableName.get(tableName.size() - 2).identifier() : null;
        return Optional.of(new ConcurrentIndexBuild(schema, indexName, table, unique, ifNotExists));
    }
}
