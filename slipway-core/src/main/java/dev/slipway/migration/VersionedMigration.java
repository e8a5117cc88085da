package dev.slipway.migration;

import java.util.Objects;
import java.util.Optional;

/**
 * A version of the set: its up migration and, if it has one, its down migration.
 *
 * @param version   the version
 * @param migration the up migration: a {@code V} script, a golang-migrate {@code .up.sql}, or a Java migration
 * @param undo      the down migration: a {@code U} script, a {@code .down.sql}, a Java {@code U} class, or the same
 *                  Java migration as {@code migration} when that class overrides {@link JavaMigration#down}
 */
public record VersionedMigration(Version version, ResolvedMigration migration, Optional<ResolvedMigration> undo) {

    /** Checks every part is present. */
    public VersionedMigration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(undo, "undo");
    }

    /** {@return whether this version can be migrated down} */
    public boolean hasUndo() {
        return undo.isPresent();
    }
}
