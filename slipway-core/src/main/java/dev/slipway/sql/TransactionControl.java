package dev.slipway.sql;

import java.util.List;

/** Whether a statement starts or ends the session's transaction, which a migration file may do on its own. */
public enum TransactionControl {
    /** Any other statement, including {@code SAVEPOINT}, {@code ROLLBACK TO SAVEPOINT} and two-phase commands. */
    NONE,
    /** {@code BEGIN [WORK | TRANSACTION] [modes]} or {@code START TRANSACTION [modes]}. */
    BEGIN,
    /** {@code COMMIT} or {@code END [WORK | TRANSACTION] [AND [NO] CHAIN]}. */
    COMMIT,
    /** {@code ROLLBACK} or {@code ABORT [WORK | TRANSACTION] [AND [NO] CHAIN]}. */
    ROLLBACK;

    /** {@return how the statement with these significant tokens controls the transaction} */
    static TransactionControl of(List<Token> tokens) {
        TokenReader reader = new TokenReader(tokens);
        if (reader.accept("BEGIN")) {
            // BEGIN ATOMIC opens a SQL-standard function body, never a transaction.
            return reader.at("ATOMIC") ? NONE : BEGIN;
        }
        if (reader.acceptAll("START", "TRANSACTION")) return BEGIN;
        if (reader.accept("COMMIT") || reader.accept("END")) {
            return reader.at("PREPARED") ? NONE : COMMIT;
        }
        if (reader.accept("ROLLBACK") || reader.accept("ABORT")) {
            if (reader.at("PREPARED")) return NONE;
            if (!reader.accept("WORK")) reader.accept("TRANSACTION");
            return reader.at("TO") ? NONE : ROLLBACK;
        }
        return NONE;
    }
}
