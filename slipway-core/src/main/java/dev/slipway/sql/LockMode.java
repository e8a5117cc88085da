package dev.slipway.sql;

/**
 * PostgreSQL's table-level lock modes, weakest first, with what each blocks.
 * See <a href="https://www.postgresql.org/docs/current/explicit-locking.html">Explicit Locking</a>.
 */
public enum LockMode {
    /** Taken by {@code SELECT}; conflicts only with {@link #ACCESS_EXCLUSIVE}. */
    ACCESS_SHARE,
    /** Taken by {@code SELECT ... FOR UPDATE/SHARE}. */
    ROW_SHARE,
    /** Taken by {@code INSERT}, {@code UPDATE}, {@code DELETE}. */
    ROW_EXCLUSIVE,
    /**
     * Taken by {@code VACUUM}, {@code CREATE INDEX CONCURRENTLY}, {@code VALIDATE CONSTRAINT}; blocks schema changes.
     */
    SHARE_UPDATE_EXCLUSIVE,
    /** Taken by {@code CREATE INDEX}; blocks writes. */
    SHARE,
    /** Taken by {@code ADD FOREIGN KEY} and {@code CREATE TRIGGER}; blocks writes. */
    SHARE_ROW_EXCLUSIVE,
    /** Taken by {@code REFRESH MATERIALIZED VIEW CONCURRENTLY}; blocks writes and row locks. */
    EXCLUSIVE,
    /**
     * Taken by most {@code ALTER TABLE} forms, {@code DROP}, {@code TRUNCATE}, {@code VACUUM FULL}; blocks reads too.
     */
    ACCESS_EXCLUSIVE;

    /** {@return the mode as SQL spells it, e.g. {@code ACCESS EXCLUSIVE}} */
    public String sql() {
        return name().replace('_', ' ');
    }

    /** {@return whether a session holding this lock blocks plain {@code SELECT}s of the table} */
    public boolean blocksReads() {
        return this == ACCESS_EXCLUSIVE;
    }

    /** {@return whether a session holding this lock blocks {@code INSERT}, {@code UPDATE} and {@code DELETE}} */
    public boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }

    /** {@return what this lock blocks, in words, e.g. "blocks reads and writes"} */
    public String blocks() {
        if (blocksReads()) return "blocks reads and writes";
        if (blocksWrites()) return "blocks writes";
        if (this == SHARE_UPDATE_EXCLUSIVE) return "blocks other schema changes and VACUUM";
        return "blocks only schema changes";
    }

    /**
     * {@return the mode named by the words of a {@code LOCK ... IN <mode> MODE} clause, such as "ROW EXCLUSIVE"}
     * @throws IllegalArgumentException if the words name no lock mode
     */
    public static LockMode ofSql(String words) {
        return valueOf(PgIdentifiers.upperCase(words.strip()).replaceAll("\\s+", "_"));
    }
}
