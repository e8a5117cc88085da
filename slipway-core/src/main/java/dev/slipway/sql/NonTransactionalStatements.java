package dev.slipway.sql;

import java.util.List;

/**
 * Recognises the statements PostgreSQL refuses to run inside a transaction block (those that call
 * {@code PreventInTransactionBlock} in the server), from their tokens alone.
 * <p>Where the answer depends on the catalog (a subscription's replication slot, {@code CLUSTER} on a partitioned
 * table) it errs towards "cannot", except for {@code CLUSTER table}, which almost always names a plain table.
 */
final class NonTransactionalStatements {
    /** The first major version that lets {@code ALTER TYPE ... ADD VALUE} run inside a transaction block. */
    private static final int ADD_VALUE_IN_TRANSACTION_SINCE = 12;

    private NonTransactionalStatements() {
    }

    static boolean cannotRunInTransaction(List<Token> tokens, int serverMajor) {
        TokenReader reader = new TokenReader(tokens);
        if (reader.accept("CREATE")) return create(reader);
        if (reader.accept("DROP")) return drop(reader);
        if (reader.accept("ALTER")) return alter(reader, serverMajor);
        if (reader.accept("REINDEX")) return reindex(reader);
        if (reader.accept("CLUSTER")) return clusterWithoutTable(reader);
        if (reader.accept("VACUUM")) return true;
        if (reader.accept("DISCARD")) return reader.at("ALL");
        if (reader.accept("COMMIT") || reader.accept("ROLLBACK")) return reader.at("PREPARED");
        return false;
    }

    private static boolean create(TokenReader reader) {
        reader.accept("UNIQUE");
        if (reader.accept("INDEX")) return reader.at("CONCURRENTLY");
        if (reader.atAny("DATABASE", "TABLESPACE")) return true;
        if (reader.accept("SUBSCRIPTION")) {
            // Only creating the replication slot is barred; connect = false implies create_slot = false.
            List<List<Token>> options = reader.skipPast("WITH") ? reader.acceptOptionList() : List.of();
            return !isSetToFalse(options, "create_slot") && !isSetToFalse(options, "connect");
        }
        return false;
    }

    private static boolean drop(TokenReader reader) {
        if (reader.accept("INDEX")) return reader.at("CONCURRENTLY");
        return reader.atAny("DATABASE", "TABLESPACE", "SUBSCRIPTION");
    }

    private static boolean alter(TokenReader reader, int serverMajor) {
        if (reader.at("SYSTEM")) return true;
        if (reader.accept("DATABASE")) {
            reader.skip();
            return reader.acceptAll("SET", "TABLESPACE");
        }
        if (reader.accept("TABLE")) {
            return reader.skipPast("DETACH") && reader.accept("PARTITION") && reader.skipPast("CONCURRENTLY");
        }
        if (reader.accept("TYPE")) {
            reader.acceptQualifiedName();
            return reader.acceptAll("ADD", "VALUE") && serverMajor < ADD_VALUE_IN_TRANSACTION_SINCE;
        }
        if (reader.accept("SUBSCRIPTION")) {
            reader.skip();
            if (reader.acceptAll("REFRESH", "PUBLICATION")) return true;
            if (reader.atAny("SET", "ADD", "DROP")) {
                reader.skip();
                if (!reader.accept("PUBLICATION")) return false;
                List<List<Token>> options = reader.skipPast("WITH") ? reader.acceptOptionList() : List.of();
                return !isSetToFalse(options, "refresh");
            }
        }
        return false;
    }

    private static boolean reindex(TokenReader reader) {
        for (List<Token> option : reader.acceptOptionList()) {
            if (option.get(0).isKeyword("CONCURRENTLY") && !isFalse(option)) return true;
        }
        if (reader.atAny("SCHEMA", "DATABASE", "SYSTEM")) return true;
        reader.skip();
        return reader.at("CONCURRENTLY");
    }

    /** {@code CLUSTER [VERBOSE]} or {@code CLUSTER (options)} reclusters every table, each in its own transaction. */
    private static boolean clusterWithoutTable(TokenReader reader) {
        reader.accept("VERBOSE");
        reader.acceptOptionList();
        return reader.atEnd();
    }

    private static boolean isSetToFalse(List<List<Token>> options, String name) {
        for (List<Token> option : options) {
            if (option.get(0).isKeyword(name) && isFalse(option)) return true;
        }
        return false;
    }

    /** The server's {@code defGetBoolean}: an option without a value is true; false is 0, false or off. */
    private static boolean isFalse(List<Token> option) {
        int valueIndex = option.size() > 1 && option.get(1).isOperator("=") ? 2 : 1;
        if (valueIndex >= option.size()) return false;
        Token value = option.get(valueIndex);
        String text = switch (value.type()) {
            case WORD, NUMBER -> value.text();
            case STRING -> value.text().startsWith("'") ? value.text().substring(1, value.text().length() - 1) : "";
            default -> "";
        };
        return text.equals("0") || PgIdentifiers.sameKeyword(text, "false") || PgIdentifiers.sameKeyword(text, "off");
    }
}
