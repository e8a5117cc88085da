package dev.slipway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code [verify]} section: where the smoke checks and the row-count snapshots are, which references the
 * application keeps without constraints, and how long each verification query may run.
 *
 * @param checksDirectory    the folder of smoke checks ({@code *.sql})
 * @param checksConfigured   whether {@code checksDirectory} was configured; only the default folder may be missing,
 *                           since a configured one that is missing is almost always a typo that would check nothing
 * @param snapshotDirectory  where {@code slipway verify --snapshot} writes row counts
 * @param logicalForeignKeys references to look for orphaned rows along
 * @param rowCountTolerance  how many rows a table may lose since the snapshot
 * @param statementTimeout   the {@code statement_timeout} of every verification query; 0 is none
 */
public record VerifyConfig(Path checksDirectory, boolean checksConfigured, Path snapshotDirectory,
                           List<LogicalForeignKey> logicalForeignKeys, RowCountTolerance rowCountTolerance,
                           Duration statementTimeout) {
    /** The default folder of smoke checks. */
    public static final Path DEFAULT_CHECKS_DIRECTORY = Path.of("checks");
    /** The default folder of row-count snapshots. */
    public static final Path DEFAULT_SNAPSHOT_DIRECTORY = Path.of(".slipway");
    /** The default statement timeout of a verification query. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    /** Checks the values. */
    public VerifyConfig {
        Objects.requireNonNull(checksDirectory, "checksDirectory");
        Objects.requireNonNull(snapshotDirectory, "snapshotDirectory");
        Objects.requireNonNull(rowCountTolerance, "rowCountTolerance");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        logicalForeignKeys = List.copyOf(logicalForeignKeys);
        if (checksDirectory.toString().isBlank()) throw new ConfigException("verify.checks_directory is empty");
        if (snapshotDirectory.toString().isBlank()) throw new ConfigException("verify.snapshot_directory is empty");
        if (statementTimeout.isNegative()) throw new ConfigException("verify.statement_timeout is negative");
    }

    /** {@return the defaults: {@code checks/}, {@code .slipway/}, no logical foreign keys, 10%, 30 s} */
    public static VerifyConfig defaults() {
        return new VerifyConfig(DEFAULT_CHECKS_DIRECTORY, false, DEFAULT_SNAPSHOT_DIRECTORY, List.of(),
                RowCountTolerance.defaults(), DEFAULT_STATEMENT_TIMEOUT);
    }

    /**
     * {@return a copy whose relative folders are resolved against {@code base}, the folder of slipway.toml, so that
     * a project's checks and snapshots are found from any working directory; {@code base} null changes nothing}
     */
    public VerifyConfig resolvedAgainst(Path base) {
        if (base == null) return this;
        return new VerifyConfig(base.resolve(checksDirectory), checksConfigured, base.resolve(snapshotDirectory),
                logicalForeignKeys, rowCountTolerance, statementTimeout);
    }

    /** {@return a copy with a configured folder of smoke checks} */
    public VerifyConfig withChecksDirectory(Path newDirectory) {
        return new VerifyConfig(newDirectory, true, snapshotDirectory, logicalForeignKeys, rowCountTolerance,
                statementTimeout);
    }

    /** {@return a copy with another snapshot folder} */
    public VerifyConfig withSnapshotDirectory(Path newDirectory) {
        return new VerifyConfig(checksDirectory, checksConfigured, newDirectory, logicalForeignKeys,
                rowCountTolerance, statementTimeout);
    }

    /** {@return a copy with other logical foreign keys} */
    public VerifyConfig withLogicalForeignKeys(List<LogicalForeignKey> newKeys) {
        return new VerifyConfig(checksDirectory, checksConfigured, snapshotDirectory, newKeys, rowCountTolerance,
                statementTimeout);
    }

    /** {@return a copy with another row-count tolerance} */
    public VerifyConfig withRowCountTolerance(RowCountTolerance newTolerance) {
        return new VerifyConfig(checksDirectory, checksConfigured, snapshotDirectory, logicalForeignKeys,
                newTolerance, statementTimeout);
    }

    /** {@return a copy with another statement timeout} */
    public VerifyConfig withStatementTimeout(Duration newTimeout) {
        return new VerifyConfig(checksDirectory, checksConfigured, snapshotDirectory, logicalForeignKeys,
                rowCountTolerance, newTimeout);
    }
}
