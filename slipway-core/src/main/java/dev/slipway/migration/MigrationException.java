package dev.slipway.migration;

/**
 * A migration location, file or class could not be read or used. The message names the location, file or class,
 * and says what to do; {@link MigrationFormatException} adds the file:line of a mistake in a script.
 */
public sealed class MigrationException extends RuntimeException permits MigrationFormatException {

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the location, file or class
     */
    public MigrationException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the location, file or class
     * @param cause   the underlying failure
     */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
