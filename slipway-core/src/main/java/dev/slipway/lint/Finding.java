package dev.slipway.lint;

import java.util.Objects;

/**
 * One thing a rule found in a migration, at a place in a file.
 *
 * @param rule           the rule's id
 * @param severity       how much it matters
 * @param file           the file as shown to the user
 * @param line           1-based line
 * @param column         1-based column
 * @param message        what PostgreSQL will do with this statement here, naming the table or column
 * @param fix            the safe alternative, with rewritten SQL where there is one
 * @param allowedBecause the reason a {@code -- slipway:allow} directive gives for accepting it; null when not allowed
 */
public record Finding(String rule, Severity severity, String file, int line, int column, String message, String fix,
                      String allowedBecause) {

    /** Checks that the parts are present and the position is valid. */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        if (line < 1 || column < 1) throw new IllegalArgumentException("bad position " + line + ":" + column);
    }

    /** {@return whether an allow directive accepted it, so it does not count} */
    public boolean allowed() {
        return allowedBecause != null;
    }

    /** {@return the same finding, accepted for the given reason} */
    public Finding allow(String reason) {
        return new Finding(rule, severity, file, line, column, message, fix, Objects.requireNonNull(reason));
    }

    /** {@return {@code file:line:column}} */
    public String where() {
        return file + ":" + line + ":" + column;
    }
}
