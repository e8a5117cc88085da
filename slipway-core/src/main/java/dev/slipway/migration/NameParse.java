package dev.slipway.migration;

import java.util.Objects;

/**
 * What a file or class name says about itself: a migration, clearly something else, or a name that was
 * meant to be a migration but is not spelled like one (which would otherwise be skipped silently and never run).
 */
public sealed interface NameParse {

    /**
     * The name is a migration.
     *
     * @param name the parsed name
     */
    record Migration(MigrationName name) implements NameParse {
        /** Checks the name is present. */
        public Migration {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The name is not a migration, e.g. {@code README.md} or {@code atlas.sum}.
     *
     * @param reason why, for the list of skipped files
     */
    record NotAMigration(String reason) implements NameParse {
        /** Checks the reason is present. */
        public NotAMigration {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The name looks like a migration but is not one as written, e.g. {@code V1_add_users.sql} (one underscore).
     *
     * @param reason what is wrong and, where it is clear, the name it should have
     */
    record Malformed(String reason) implements NameParse {
        /** Checks the reason is present. */
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
