package dev.slipway.verify;

import dev.slipway.apply.StatusReport;
import dev.slipway.config.VerifyConfig;
import java.util.Objects;

/**
 * What a {@link VerifyCheck} works with.
 *
 * @param session       read-only queries on the target database
 * @param status        where the migrations stand, read just before the checks ran
 * @param options       what this run checks
 * @param config        the {@code [verify]} section
 * @param historySchema the schema of Slipway's history tables, which the row counts leave out
 */
public record VerifyContext(VerifySession session, StatusReport status, VerifyOptions options, VerifyConfig config,
                            String historySchema) {
    /** Checks the parts are present. */
    public VerifyContext {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(historySchema, "historySchema");
    }
}
