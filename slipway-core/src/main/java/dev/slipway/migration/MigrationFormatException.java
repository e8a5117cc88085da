package dev.slipway.migration;

import java.util.Objects;

/**
 * A mistake in what a migration says, at a known place: an unknown directive, a bad duration, a script that is not
 * UTF-8. The message reads {@code file:line: problem}.
 */
public final class MigrationFormatException extends MigrationException {
    /** Where the mistake is. */
    private final SourcePosition where;
    /** What is wrong, without the position. */
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param problem what is wrong, without the position
     * @param where   where it is
     */
    public MigrationFormatException(String problem, SourcePosition where) {
        super(Objects.requireNonNull(where, "where") + ": " + Objects.requireNonNull(problem, "problem"));
        this.where = where;
        this.problem = problem;
    }

    /** {@return where the mistake is} */
    public SourcePosition where() {
        return where;
    }

    /** {@return what is wrong, without the position} */
    public String problem() {
        return problem;
    }
}
