package dev.slipway.sandbox;

import dev.slipway.ExitStatus;
import dev.slipway.SlipwayException;
import dev.slipway.apply.ApplyListener;
import dev.slipway.apply.ApplyOptions;
import dev.slipway.apply.Migrator;
import dev.slipway.db.DatabaseUnavailableException;
import dev.slipway.migration.MigrationName;
import dev.slipway.migration.MigrationSet;
import dev.slipway.migration.MigrationType;
import dev.slipway.migration.ScanResult;
import dev.slipway.migration.Version;
import dev.slipway.schema.SchemaFilter;
import dev.slipway.schema.SchemaModel;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The schema a project's migrations produce: built by Slipway's own runner in a scratch database of a
 * {@link Sandbox}, read into a {@link SchemaModel}, and the scratch database dropped again.
 * <p>The scratch database gets the project's migrations and the same apply options (history schema included) as the
 * target, so it holds what {@code slipway migrate} makes of an empty database: every migration, or those up to a
 * version, or exactly those a database's history lists as applied.
 * <p>Immutable and thread-safe; each {@link #build} uses a database of its own.
 */
public final class MigratedSchema {
    private final ScanResult scan;
    private final ApplyOptions options;
    private final Predicate<MigrationName> included;

    private MigratedSchema(ScanResult scan, ApplyOptions options, Predicate<MigrationName> included) {
        this.scan = scan;
        this.options = options;
        this.included = included;
    }

    /**
     * {@return a builder of the schema of every migration {@code scan} found, applied with {@code options}}
     *
     * @param scan    the project's migrations, as the target's {@link dev.slipway.Slipway} scanned them
     * @param options how the target applies them; the history schema matters, since the runner creates it
     */
    public static MigratedSchema of(ScanResult scan, ApplyOptions options) {
        return new MigratedSchema(scan, options, name -> true);
    }

    /**
     * {@return a builder of the versioned migrations (and baselines) up to and including {@code last}, then every
     * repeatable one}
     */
    public MigratedSchema upTo(Version last) {
        return new MigratedSchema(scan, options,
                name -> name.version() == null || name.version().compareTo(last) <= 0);
    }

    /**
     * {@return a builder of exactly the given migrations, as a database's history lists them}
     *
     * @param versions    the versions to apply (their V, U and B files and Java classes)
     * @param repeatables the descriptions of the repeatable migrations to apply
     */
    public MigratedSchema only(Set<Version> versions, Set<String> repeatables) {
        Set<Version> keptVersions = Set.copyOf(versions);
        Set<String> keptRepeatables = Set.copyOf(repeatables);
        return new MigratedSchema(scan, options, name -> name.type() == MigrationType.REPEATABLE
                ? keptRepeatables.contains(name.description()) : keptVersions.contains(name.version()));
    }

    /**
     * Migrates a new scratch database of {@code sandbox}, reads its schema and drops the database.
     *
     * @param sandbox where to make the scratch database; left open for the caller to close
     * @param filter  which schemas to read
     * @return the schema the migrations produce
     * @throws SlipwayException when a migration fails there (the message names the file and line, says the target
     *     was not touched, and what to do), or the scratch database cannot be made or read
     */
    public SchemaModel build(Sandbox sandbox, SchemaFilter filter) {
        try (ScratchDatabase scratch = sandbox.newDatabase()) {
            migrate(scratch);
            return scratch.schema(filter);
        }
    }

    /**
     * Migrates {@code scratch}, a new database of a sandbox, and leaves it open for the caller.
     *
     * @throws SlipwayException when a migration fails there, or it cannot be reached
     */
    public void migrate(ScratchDatabase scratch) {
        ScanResult kept = scan.only(included);
        Migrator migrator = Migrator.create(scratch::connect, MigrationSet.of(kept), options, ApplyListener.NONE);
        try {
            migrator.migrate(null);
        } catch (SlipwayException e) {
            throw failedThere(e, scratch);
        } catch (DatabaseUnavailableException e) {
            throw SlipwayException.failed("could not connect to " + scratch + ": " + e.getMessage(),
                    "the target database was not touched", "check --dev-url, or leave it out to use a local"
                            + " cluster", e);
        }
    }

    /**
     * The runner's message says what failed and where, but speaks of "the database" and suggests re-running migrate:
     * here the database is a scratch one, already dropped, and the fix usually lies on the server.
     */
    private static SlipwayException failedThere(SlipwayException e, ScratchDatabase scratch) {
        String what = ScratchDatabase.whatFailed(e);
        String state = "the target database was not touched; the scratch database was dropped";
        if (e.status() == ExitStatus.USAGE) {
            String next = e.getMessage().lines().filter(line -> line.startsWith("  next:")).findFirst()
                    .map(line -> line.substring("  next:".length()).strip()).orElse("fix the migrations");
            return SlipwayException.badInput("the migrations cannot be built in " + scratch + ":\n" + what, null,
                    state, next);
        }
        return SlipwayException.failed("building the schema of the migrations failed in " + scratch + ":\n" + what,
                state, nextStep(e, scratch.sandbox()), e);
    }

    private static String nextStep(Throwable failure, Sandbox sandbox) {
        String sqlState = sqlState(failure).orElse("");
        String server = sandbox.isLocalCluster() ? "a dev server" : "the --dev-url server";
        String devUrl = sandbox.isLocalCluster() ? " and pass --dev-url with it" : "";
        return switch (sqlState) {
            // undefined_object: most often a role named in GRANT, ALTER ... OWNER TO or CREATE POLICY ... TO
            case "42704" -> "create the missing role (or object) on " + server + devUrl + "; a migration that"
                    + " names roles needs a scratch server that has them";
            // undefined_file: CREATE EXTENSION whose files the server lacks
            case "58P01", "0A000" -> "install the extension on " + server + devUrl
                    + "; the scratch server needs every extension the migrations create";
            case "42501" -> "give the role of " + server + " the privilege the migration needs" + devUrl;
            default -> "fix the migration, or run the scratch databases on a server that has what it needs"
                    + " (--dev-url)";
        };
    }

    private static Optional<String> sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) return Optional.of(sql.getSQLState());
        }
        return Optional.empty();
    }
}
