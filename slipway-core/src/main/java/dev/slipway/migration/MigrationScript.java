package dev.slipway.migration;

import java.util.Objects;

/**
 * An SQL migration found by a scan: its name, where it is, its Flyway-compatible checksum, and a way to read it
 * again. The text itself is not kept.
 *
 * @param name     type, version and description from the file name
 * @param location the file as named in messages, e.g. {@code db/migration/V3__add_index.sql}
 * @param checksum the checksum of the text, see {@link Checksums}
 * @param source   reads the text again when it runs
 */
public record MigrationScript(MigrationName name, String location, int checksum, ScriptSource source)
        implements ResolvedMigration {

    /** Checks every part but the checksum is present. */
    public MigrationScript {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(source, "source");
    }

    /** {@return the position of the whole file, to which a line can be added} */
    public SourcePosition position() {
        return SourcePosition.of(location);
    }
}
