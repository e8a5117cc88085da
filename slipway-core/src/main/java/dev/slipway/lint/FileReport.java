package dev.slipway.lint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the linter found in one file.
 *
 * @param file     the file as shown to the user
 * @param findings every finding in order of position, including those an allow directive accepted
 */
public record FileReport(String file, List<Finding> findings) {

    /** Copies the findings. */
    public FileReport {
        Objects.requireNonNull(file, "file");
        findings = List.copyOf(findings);
    }

    /** {@return the findings no allow directive accepted} */
    public List<Finding> active() {
        return findings.stream().filter(f -> !f.allowed()).toList();
    }

    /** {@return the findings an allow directive accepted, with their reasons} */
    public List<Finding> allowed() {
        return findings.stream().filter(Finding::allowed).toList();
    }

    /** {@return the most serious active finding's severity, if there is any} */
    public Optional<Severity> worst() {
        return active().stream().map(Finding::severity).min(Enum::compareTo);
    }

    /** {@return whether an active finding is at or above the threshold} */
    public boolean failsAt(Severity threshold) {
        return worst().map(w -> w.atLeast(threshold)).orElse(false);
    }
}
