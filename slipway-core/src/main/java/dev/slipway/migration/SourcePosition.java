package dev.slipway.migration;

import java.util.Objects;

/**
 * A place in a migration: a file (as the user knows it, e.g. {@code db/migration/V3__add_index.sql}) and a
 * 1-based line, or line 0 for the file as a whole.
 *
 * @param file the file as shown to the user
 * @param line the 1-based line, or 0 when the position is the whole file
 */
public record SourcePosition(String file, int line) {

    /** Checks the file is named and the line is not negative. */
    public SourcePosition {
        Objects.requireNonNull(file, "file");
        if (line < 0) throw new IllegalArgumentException("line must be 0 (whole file) or more, got " + line);
    }

    /** {@return the position of a whole file} */
    public static SourcePosition of(String file) {
        return new SourcePosition(file, 0);
    }

    /** {@return the position of a line in a file} */
    public static SourcePosition of(String file, int line) {
        return new SourcePosition(file, line);
    }

    /** {@return the file's name without its folders, e.g. {@code V3__add_index.sql}} */
    public String fileName() {
        return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    }

    /** {@return the same file at another line} */
    public SourcePosition withLine(int newLine) {
        return new SourcePosition(file, newLine);
    }

    /** {@return {@code file:line}, or just {@code file} for the whole file} */
    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line;
    }
}
