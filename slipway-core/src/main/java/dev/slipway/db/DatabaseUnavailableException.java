package dev.slipway.db;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The database could not be reached or refused the connection. The message names the target with its password
 * masked and gives the driver's reason, also redacted; the {@link SQLException} stays the cause.
 */
public final class DatabaseUnavailableException extends RuntimeException {
    private final SQLException sqlException;

    /** Creates the exception; passwords in URLs and {@code password=} pairs in {@code message} are masked. */
    public DatabaseUnavailableException(String message, SQLException cause) {
        super(PasswordRedactor.redact(message), cause);
        this.sqlException = cause;
    }

    /**
     * {@return an exception saying that connecting to {@code target} failed}
     *
     * @param target a description of the server that holds no password, such as {@link ConnectionSpec#redacted()}
     * @param known secrets to mask wherever the driver's text repeats them
     */
    public static DatabaseUnavailableException couldNotConnect(String target, SQLException cause,
                                                               Collection<Secret> known) {
        return new DatabaseUnavailableException(
                "could not connect to " + target + ": " + PasswordRedactor.redact(reason(cause), known), cause);
    }

    /** {@return the SQLState the driver or server gave, e.g. {@code 28P01} for a wrong password} */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlException.getSQLState());
    }

    /** {@return the driver's exception} */
    public SQLException sqlException() {
        return sqlException;
    }

    /**
     * The server's own words when it sent any (without PgJDBC's "FATAL:" prefix), else the driver's message,
     * followed by the underlying network error, which PgJDBC leaves out of its text ("The connection attempt
     * failed.").
     */
    private static String reason(SQLException cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                reason = server.getMessage();
            }
        }
        Throwable root = cause.getCause();
        if (root != null && !(root instanceof SQLException) && root.getMessage() != null
                && !reason.contains(root.getMessage())) {
            reason = reason + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return reason;
    }
}
