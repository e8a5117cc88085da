package dev.slipway.db;

import java.util.Collection;
import java.util.List;

/**
 * A connection URL or setting that cannot be used: malformed, not PostgreSQL, or asking for something PgJDBC cannot
 * do. The message shows the input with its password masked and says what is wrong.
 */
public final class ConnectionSpecException extends RuntimeException {
    /** Creates the exception; passwords in URLs and {@code password=} pairs in {@code message} are masked. */
    public ConnectionSpecException(String message) {
        super(PasswordRedactor.redact(message));
    }

    /** {@return an exception saying that {@code problem} was found in {@code input}, shown with passwords masked} */
    static ConnectionSpecException in(String problem, String input, Collection<Secret> known) {
        return new ConnectionSpecException(PasswordRedactor.redact(problem, known) + " in " + quote(input, known));
    }

    /** {@return an exception for input that is no PostgreSQL connection string at all} */
    static ConnectionSpecException notPostgres(String input) {
        return new ConnectionSpecException("not a PostgreSQL URL: " + quote(input, List.of())
                + "; expected postgresql://user@host:5432/db or jdbc:postgresql://host:5432/db");
    }

    /** {@return the input in quotes with its password masked, for the "in ..." part of messages} */
    static String quote(String input, Collection<Secret> known) {
        return "'" + PasswordRedactor.redactConnectionString(input.strip(), known) + "'";
    }
}
