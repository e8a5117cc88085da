package dev.slipway.migration;

import java.util.List;
import java.util.Objects;

/**
 * A mistake in a migration set: what is wrong, the files involved, and what to do.
 *
 * @param type    the kind of mistake
 * @param message what is wrong, naming the files
 * @param files   the files (or Java classes) involved, as named in messages
 * @param fix     what to do about it
 */
public record Problem(ProblemType type, String message, List<String> files, String fix) {

    /** Checks every part is present and copies the files. */
    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        files = List.copyOf(files);
    }

    /** {@return the message and the fix on two lines, as the command line prints it} */
    @Override
    public String toString() {
        return message + "\n  fix: " + fix;
    }
}
