package dev.slipway.sandbox;

import dev.slipway.migration.Version;
import dev.slipway.schema.SchemaDifference;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the round trip found for one versioned migration: its up migration applied, its down migration applied, and
 * the up migration applied again, with the schema compared after each.
 *
 * @param version     the migration's version
 * @param up          where the up migration is, e.g. {@code db/migration/V3__add_email.sql}
 * @param down        where its down migration is; null when it has none
 * @param outcome     the verdict
 * @param differences for {@link Outcome#DOWN_DIFFERS} the objects the down migration left different from the
 *                    schema before the up migration (before to after); for {@link Outcome#UP_AGAIN_DIFFERS} those the
 *                    second up left different from the first (first to second); otherwise empty
 * @param failure     for the outcomes that failed to apply, the runner's message (file and line); otherwise null
 * @param upTook      how long the first up migration took; zero when it failed
 */
public record RoundTripStep(Version version, String up, String down, Outcome outcome,
        List<SchemaDifference> differences, String failure, Duration upTook) {

    /** Copies the differences. */
    public RoundTripStep {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(outcome, "outcome");
        differences = List.copyOf(differences);
    }

    /** The verdicts, from a clean round trip to a step that could not run. */
    public enum Outcome {
        /** Up, down and up again ran, and the down migration gave back the schema from before the up migration. */
        PASSED(false),
        /** There is no down migration; the up migration ran. */
        NO_DOWN(false),
        /** The down migration ran but left the schema different from before the up migration. */
        DOWN_DIFFERS(true),
        /** Up, down and up again ran, but the second up gave another schema than the first. */
        UP_AGAIN_DIFFERS(true),
        /** The up migration failed; the round trip stopped there. */
        UP_FAILED(true),
        /** The down migration failed; the round trip stopped there. */
        DOWN_FAILED(true),
        /** The up migration failed when applied again after its down migration; the round trip stopped there. */
        UP_AGAIN_FAILED(true);

        private final boolean failed;

        Outcome(boolean failed) {
            this.failed = failed;
        }

        /** {@return whether this outcome fails the round trip} */
        public boolean failed() {
            return failed;
        }
    }
}
