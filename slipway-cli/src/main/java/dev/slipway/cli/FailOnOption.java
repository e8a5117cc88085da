package dev.slipway.cli;

import dev.slipway.SlipwayException;
import dev.slipway.config.SlipwayConfig;
import dev.slipway.lint.Severity;
import picocli.CommandLine.Option;

/** {@code --fail-on} of {@code lint} and {@code plan}: the flag when given, else {@code [lint] fail_on}. */
final class FailOnOption {
    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 3 when a finding is at or above: error, warning or advice (default: fail_on in"
                    + " [lint] of slipway.toml, else error).")
    String failOn;

    /** {@return the least serious finding that fails the run: the flag's level, else the configuration's} */
    Severity threshold(SlipwayConfig config) {
        if (failOn == null) return Severity.parse(config.lint().failOn().configName());
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw SlipwayException.badInput(e.getMessage(), "--fail-on", "use --fail-on error, warning or advice");
        }
    }
}
