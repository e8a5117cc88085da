package dev.slipway;

/**
 * The one failure type of the library: its message tells the whole story (what failed, where, the state the
 * database is in now, and the next command to run) and it knows its {@link ExitStatus}.
 * <p>Messages never contain passwords.
 */
public final class SlipwayException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ExitStatus status;

    private SlipwayException(ExitStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /**
     * Bad input (files, configuration, arguments): nothing was touched.
     *
     * @param what  what is wrong
     * @param where the file and line, or what else was read ({@code --url}, {@code slipway.toml})
     * @param next  the command or edit that fixes it
     */
    public static SlipwayException badInput(String what, String where, String next) {
        return new SlipwayException(ExitStatus.USAGE, what + (where == null || where.isBlank() ? "" : "\n  at " + where)
                + "\n  database: not touched\n  next: " + next, null);
    }

    /** Bad input found after connecting; the database is as {@code databaseState} says. */
    public static SlipwayException badInput(String what, String where, String databaseState, String next) {
        return new SlipwayException(ExitStatus.USAGE, what + (where == null || where.isBlank() ? "" : "\n  at " + where)
                + "\n  database: " + databaseState + "\n  next: " + next, null);
    }

    /** The operation failed; the database is as {@code databaseState} says. */
    public static SlipwayException failed(String what, String databaseState, String next, Throwable cause) {
        return new SlipwayException(ExitStatus.FAILED, what + "\n  database: " + databaseState + "\n  next: " + next,
                cause);
    }

    /** The operation failed at a place in a file; the database is as {@code databaseState} says. */
    public static SlipwayException failedAt(String what, String where, String databaseState, String next,
            Throwable cause) {
        return new SlipwayException(ExitStatus.FAILED, what + "\n  at " + where + "\n  database: " + databaseState
                + "\n  next: " + next, cause);
    }

    /** A check found problems; nothing was changed by the check itself. */
    public static SlipwayException checkFailed(String what, String next) {
        return new SlipwayException(ExitStatus.CHECK_FAILED, what + "\n  next: " + next, null);
    }

    /** {@return the exit status this failure maps to} */
    public ExitStatus status() {
        return status;
    }
}
