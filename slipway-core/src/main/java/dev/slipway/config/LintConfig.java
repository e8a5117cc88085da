package dev.slipway.config;

import java.util.Objects;

/**
 * The {@code [lint]} section: how {@code slipway lint} and {@code slipway plan} judge their findings. A project-wide
 * section rather than part of an environment, because a migration file is judged the same whichever database it
 * will run on; the {@code --fail-on} flag overrides it for one run.
 *
 * @param failOn the least serious finding that makes {@code lint} and {@code plan} exit with 3
 */
public record LintConfig(FailOn failOn) {
    /** Checks the level is given. */
    public LintConfig {
        Objects.requireNonNull(failOn, "failOn");
    }

    /** {@return the defaults: fail on errors only} */
    public static LintConfig defaults() {
        return new LintConfig(FailOn.ERROR);
    }

    /** {@return a copy with another level} */
    public LintConfig withFailOn(FailOn newFailOn) {
        return new LintConfig(newFailOn);
    }
}
