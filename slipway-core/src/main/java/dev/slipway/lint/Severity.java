package dev.slipway.lint;

import java.util.Locale;

/** How much a finding matters, most serious first; see "Lint stance" in DESIGN.md. */
public enum Severity {
    /** It will fail or lose data. */
    ERROR,
    /** It blocks reads or writes on an existing table beyond a moment, or breaks code that is running. */
    WARNING,
    /** Style that prevents future trouble. */
    ADVICE;

    /** {@return the lower-case name used in output and configuration: error, warning or advice} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return whether this is at least as serious as {@code threshold}} */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    /**
     * {@return the severity named {@code error}, {@code warning} or {@code advice}, in any case}
     * @throws IllegalArgumentException naming the three when the text is none of them
     */
    public static Severity parse(String text) {
        for (Severity severity : values()) {
            if (severity.id().equalsIgnoreCase(text.strip())) return severity;
        }
        throw new IllegalArgumentException("unknown severity '" + text + "'; use error, warning or advice");
    }
}
