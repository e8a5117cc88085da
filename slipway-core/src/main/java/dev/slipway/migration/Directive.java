package dev.slipway.migration;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An instruction to Slipway written as an SQL comment at the top of a script or above a statement, e.g.
 * {@code -- slipway:lock-timeout 2s}.
 * <p>A comment whose text begins with {@code slipway:} is a directive; every other comment is ignored. A directive
 * Slipway does not know is an error rather than ignored, because a misspelt {@code no-transaction} would
 * otherwise run {@code CREATE INDEX CONCURRENTLY} in a transaction and fail in production.
 */
public sealed interface Directive {

    /** The forms of every directive, as listed in error messages. */
    List<String> FORMS = List.of(
            "no-transaction",
            "lock-timeout <duration>",
            "statement-timeout <duration>",
            "allow <rule> because <reason>",
            "batch key=<column> [size=<rows>] [pause=<duration>]");

    /** Run the file outside a transaction, statement by statement ({@code -- slipway:no-transaction}). */
    record NoTransaction() implements Directive {
    }

    /**
     * Give up waiting for a lock after this long, then retry ({@code -- slipway:lock-timeout 2s}).
     *
     * @param timeout how long to wait for a lock; zero means no limit, as in PostgreSQL
     */
    record LockTimeout(Duration timeout) implements Directive {
        /** Checks the timeout is present and not negative. */
        public LockTimeout {
            DirectiveParser.requireNotNegative(timeout, "lock timeout");
        }
    }

    /**
     * Cancel a statement that runs longer than this ({@code -- slipway:statement-timeout 10m}).
     *
     * @param timeout how long a statement may run; zero means no limit, as in PostgreSQL
     */
    record StatementTimeout(Duration timeout) implements Directive {
        /** Checks the timeout is present and not negative. */
        public StatementTimeout {
            DirectiveParser.requireNotNegative(timeout, "statement timeout");
        }
    }

    /**
     * Accept what a lint rule would flag, with the reason on record
     * ({@code -- slipway:allow adding-not-null-column because the table is empty}).
     *
     * @param rule   the id of the lint rule
     * @param reason why it is safe here
     */
    record Allow(String rule, String reason) implements Directive {
        /** Checks the rule and the reason are not blank. */
        public Allow {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
            if (rule.isBlank()) throw new IllegalArgumentException("allow needs a rule");
            if (reason.isBlank()) throw new IllegalArgumentException("allow " + rule + " needs a reason");
        }
    }

    /**
     * Run the {@code UPDATE} or {@code DELETE} below in batches of keys, committing each
     * ({@code -- slipway:batch key=id size=5000 pause=50ms}).
     *
     * @param key   the column to page through, unique and indexed (usually the primary key)
     * @param size  rows per batch, at least 1 (default 1000)
     * @param pause the pause between batches, to let replicas and other sessions keep up (default none)
     */
    record Batch(String key, int size, Duration pause) implements Directive {
        /** The batch size when none is given. */
        public static final int DEFAULT_SIZE = 1000;

        /** Checks the key is given, the size positive and the pause not negative. */
        public Batch {
            Objects.requireNonNull(key, "key");
            if (key.isBlank()) throw new IllegalArgumentException("batch needs a key column");
            if (size < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + size);
            DirectiveParser.requireNotNegative(pause, "batch pause");
        }
    }

    /**
     * Reads the text of one SQL comment.
     *
     * @param commentText the comment, with or without its {@code --} or {@code /* *}{@code /} markers
     * @param where       where the comment is, for the error message
     * @return the directive, or empty for an ordinary comment
     * @throws MigrationFormatException for an unknown directive (naming the closest known one) or bad arguments
     */
    static Optional<Directive> parse(String commentText, SourcePosition where) {
        return DirectiveParser.parse(commentText, where);
    }
}
