package dev.slipway.apply;

import dev.slipway.migration.Version;

/** How far {@code downgrade} goes. */
public sealed interface DowngradeTarget {
    /** Revert the newest {@code count} applied migrations ({@code downgrade -1} is one). */
    record Steps(int count) implements DowngradeTarget {
        public Steps {
            if (count < 1) throw new IllegalArgumentException("downgrade needs at least one step, got " + count);
        }
    }

    /** Revert every applied migration above {@code version}. */
    record To(Version version) implements DowngradeTarget {
    }

    /** Revert every applied migration, or every one above the baseline when the history starts at one. */
    record Base() implements DowngradeTarget {
    }
}
