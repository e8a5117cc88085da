package dev.slipway.backup;

import dev.slipway.SlipwayException;
import dev.slipway.config.BackupConfig;
import dev.slipway.db.ConnectionFactory;
import dev.slipway.db.ConnectionSpec;
import dev.slipway.db.Environment;
import java.util.Objects;
import java.util.Optional;

/**
 * What backups and restores run with.
 *
 * @param spec          where and as whom to connect; the PostgreSQL programs connect on their own, so a data source
 *                      is not enough
 * @param config        the {@code [backup]} section
 * @param historySchema where the history tables are, for the revision
 * @param environment   the variables the programs inherit ({@code PATH} among them)
 */
record BackupContext(Optional<ConnectionSpec> spec, BackupConfig config, String historySchema,
        Environment environment) {
    BackupContext {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(historySchema, "historySchema");
        Objects.requireNonNull(environment, "environment");
    }

    /** {@return the connection spec, or a bad-usage failure saying a URL is needed} */
    ConnectionSpec requireSpec(String operation) {
        return spec.orElseThrow(() -> SlipwayException.badInput(operation + " needs the database's URL:"
                + " pg_dump and pg_restore connect on their own, so a data source is not enough",
                "--url, DATABASE_URL, slipway.toml or PG* variables",
                "pass --url postgresql://user@host:5432/db (or configure the library with url(...))"));
    }

    /** {@return connections for Slipway's own reads, named so {@code pg_stat_activity} shows what they are} */
    ConnectionFactory connections() {
        return ConnectionFactory.of(requireSpec("this"), "slipway backup");
    }

    /** {@return the backup folder} */
    BackupDirectory directory() {
        return new BackupDirectory(config.directory());
    }

    /** {@return a finder for pg_dump and pg_restore} */
    ClientTools tools() {
        return ClientTools.of(config, environment);
    }
}
