package dev.slipway.sql;

/**
 * SQL text that cannot be split into statements: an unterminated quote or comment, or a psql command where SQL
 * belongs. The message says what is wrong and at which line and column; callers that know the file add its name.
 */
public final class SqlSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** 1-based line where the problem starts. */
    private final int line;
    /** 1-based column where the problem starts. */
    private final int column;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, including the position in words
     * @param line    1-based line where the problem starts
     * @param column  1-based column where the problem starts
     */
    public SqlSyntaxException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    /** {@return the 1-based line where the problem starts} */
    public int line() {
        return line;
    }

    /** {@return the 1-based column where the problem starts} */
    public int column() {
        return column;
    }
}
