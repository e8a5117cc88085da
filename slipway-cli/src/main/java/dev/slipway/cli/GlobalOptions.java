package dev.slipway.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Options every command takes, before or after the command name ({@code slipway --url U migrate} and
 * {@code slipway migrate --url U} both work): the top-level command and each subcommand carry this mixin and
 * {@link #over(GlobalOptions)} merges them, the one nearer the command winning.
 */
final class GlobalOptions {
    @Option(names = "--url", paramLabel = "URL",
            description = "Database: postgresql://user@host:5432/db, a JDBC URL or key=value pairs. "
                    + "Default: the --env's url, then DATABASE_URL, then PG* variables.")
    String url;

    @Option(names = "--dev-url", paramLabel = "URL",
            description = "A server where Slipway may create and drop scratch databases (its role needs CREATEDB)."
                    + " Default: a throwaway local cluster of the target's major version.")
    String devUrl;

    @Option(names = "--env", paramLabel = "NAME", description = "An environment from slipway.toml.")
    String env;

    @Option(names = "--config", paramLabel = "FILE", description = "The configuration file (default ./slipway.toml).")
    Path config;

    @Option(names = "--locations", paramLabel = "DIR", split = ",",
            description = "Migration locations, comma-separated (default db/migration).")
    String[] locations;

    @Option(names = "--history-schema", paramLabel = "SCHEMA", description = "Schema of Slipway's history tables.")
    String historySchema;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", description = "lock_timeout per statement (e.g. 3s).")
    String lockTimeout;

    @Option(names = "--lock-retries", paramLabel = "N", description = "Retries after a lock timeout.")
    Integer lockRetries;

    @Option(names = "--statement-timeout", paramLabel = "DURATION", description = "statement_timeout (0: none).")
    String statementTimeout;

    @Option(names = "--lock-wait", paramLabel = "DURATION",
            description = "How long to wait for another runner's lock.")
    String lockWait;

    @Option(names = "--format", paramLabel = "FORMAT", converter = OutputFormatConverter.class,
            description = "text or json (one document on stdout); lint and plan also write sarif.")
    OutputFormat format;

    @Option(names = "--yes", description = "Answer yes to questions.")
    Boolean yes;

    @Option(names = "--confirm", paramLabel = "DBNAME",
            description = "Confirm a change to a protected environment by naming its database.")
    String confirm;

    @Option(names = {"-q", "--quiet"}, description = "Print only results and errors.")
    Boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print more, including stack traces of unexpected errors.")
    Boolean verbose;

    /** {@return these options with unset ones taken from {@code outer}} */
    GlobalOptions over(GlobalOptions outer) {
        GlobalOptions merged = new GlobalOptions();
        merged.url = url != null ? url : outer.url;
        merged.devUrl = devUrl != null ? devUrl : outer.devUrl;
        merged.env = env != null ? env : outer.env;
        merged.config = config != null ? config : outer.config;
        merged.locations = locations != null ? locations : outer.locations;
        merged.historySchema = historySchema != null ? historySchema : outer.historySchema;
        merged.lockTimeout = lockTimeout != null ? lockTimeout : outer.lockTimeout;
        merged.lockRetries = lockRetries != null ? lockRetries : outer.lockRetries;
        merged.statementTimeout = statementTimeout != null ? statementTimeout : outer.statementTimeout;
        merged.lockWait = lockWait != null ? lockWait : outer.lockWait;
        merged.format = format != null ? format : outer.format;
        merged.yes = yes != null ? yes : outer.yes;
        merged.confirm = confirm != null ? confirm : outer.confirm;
        merged.quiet = quiet != null ? quiet : outer.quiet;
        merged.verbose = verbose != null ? verbose : outer.verbose;
        return merged;
    }

    boolean json() {
        return format == OutputFormat.json;
    }

    boolean isQuiet() {
        return Boolean.TRUE.equals(quiet) || json() || format == OutputFormat.sarif;
    }

    /** {@return whether the output is a SARIF log (lint and plan)} */
    boolean sarif() {
        return format == OutputFormat.sarif;
    }

    boolean isVerbose() {
        return Boolean.TRUE.equals(verbose);
    }

    /** Output formats. */
    enum OutputFormat { text, json, sarif }

    /**
     * Reads {@code --format}. The issue trackers and runbooks that teach {@code pg_dump} say "format" for the dump's
     * format, so {@code --format directory} gets the option it was meant for instead of a list of output formats.
     */
    static final class OutputFormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat format : OutputFormat.values()) {
                if (format.name().equals(value)) return format;
            }
            if (List.of("custom", "directory", "none").contains(value)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is a dump format: for a backup, pass"
                        + " --dump-format " + value + " (-F " + value + "); --format is the output format (text,"
                        + " json or sarif)");
            }
            throw new CommandLine.TypeConversionException("expected text, json or sarif but was '" + value + "'");
        }
    }
}
