package dev.slipway.verify;

import dev.slipway.migration.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one {@code verify} run checks.
 *
 * @param expect the version the database must be at, or null for the newest migration on disk with nothing pending
 * @param only   names of the checks to run ({@code revision}, {@code smoke}, {@code integrity} or one of its parts,
 *               or the name of an extra check); empty runs all
 * @param extra  checks beyond the built-in ones, e.g. schema drift; they run last, in order
 */
public record VerifyOptions(Version expect, List<String> only, List<VerifyCheck> extra) {
    /** Copies the lists. */
    public VerifyOptions {
        only = List.copyOf(Objects.requireNonNull(only, "only"));
        extra = List.copyOf(Objects.requireNonNull(extra, "extra"));
    }

    /** {@return every check, the database expected at the newest migration} */
    public static VerifyOptions defaults() {
        return new VerifyOptions(null, List.of(), List.of());
    }

    /** {@return a copy that expects {@code version} (null: the newest migration, nothing pending)} */
    public VerifyOptions withExpect(Version version) {
        return new VerifyOptions(version, only, extra);
    }

    /** {@return a copy that runs only the named checks (empty: all)} */
    public VerifyOptions withOnly(List<String> names) {
        return new VerifyOptions(expect, names, extra);
    }

    /** {@return a copy with one more check, run after the built-in ones} */
    public VerifyOptions withCheck(VerifyCheck check) {
        List<VerifyCheck> more = new ArrayList<>(extra);
        more.add(Objects.requireNonNull(check, "check"));
        return new VerifyOptions(expect, only, more);
    }
}
