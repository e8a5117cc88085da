package dev.slipway.verify;

import dev.slipway.SlipwayException;
import dev.slipway.apply.StatusReport;
import dev.slipway.config.VerifyConfig;
import dev.slipway.migration.CheckScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a list of {@link VerifyCheck}s against one database and gathers a {@link VerifyReport}: the revision, the
 * user's smoke checks, the built-in integrity checks, then any extra checks. A check that cannot run (an error, a
 * lost connection) is a failed result of that check, and the others still run; only bad input (a check file
 * that is not SQL, an unknown check name) stops the run, as a {@link SlipwayException}.
 * <p>Immutable once prepared; {@link #run} may be called again on another connection.
 */
public final class Verifier {
    /** The built-in checks in the order they run; {@code integrity} names the last five together. */
    public static final List<String> BUILT_IN = List.of(RevisionCheck.NAME, SmokeChecks.NAME, InvalidIndexes.NAME,
            NotValidConstraints.NAME, SequencesBehind.NAME, OrphanedRows.NAME, RowCounts.NAME);
    /** Names that stand for several checks. */
    public static final Map<String, List<String>> GROUPS = Map.of("integrity", List.of(InvalidIndexes.NAME,
            NotValidConstraints.NAME, SequencesBehind.NAME, OrphanedRows.NAME, RowCounts.NAME));

    private final List<VerifyCheck> checks;
    private final VerifyConfig config;
    private final VerifyOptions options;

    private Verifier(List<VerifyCheck> checks, VerifyConfig config, VerifyOptions options) {
        this.checks = List.copyOf(checks);
        this.config = config;
        this.options = options;
    }

    /**
     * {@return a verifier for the checks {@code options} selects, with the smoke check files already read} Nothing
     * connects yet, so bad input is found before the database is touched.
     *
     * @param config             the {@code [verify]} section
     * @param migrationChecks    the check files found next to migrations
     * @param migrationLocations the locations of the SQL migrations, to tie each check file to its migration
     * @param options            which checks, and the expected version
     * @throws SlipwayException (bad input) for an unknown check name, a check file that cannot be read as queries,
     *                          or a configured checks folder that does not exist
     */
    public static Verifier prepare(VerifyConfig config, List<CheckScript> migrationChecks,
            Collection<String> migrationLocations, VerifyOptions options) {
        Set<String> selected = select(options);
        List<VerifyCheck> checks = new ArrayList<>();
        for (String name : BUILT_IN) {
            if (!selected.contains(name)) continue;
            checks.add(switch (name) {
                case RevisionCheck.NAME -> new RevisionCheck();
                case SmokeChecks.NAME -> new SmokeChecks(SmokeFiles.load(config.checksDirectory(),
                        config.checksConfigured(), migrationChecks, migrationLocations));
                case InvalidIndexes.NAME -> new InvalidIndexes();
                case NotValidConstraints.NAME -> new NotValidConstraints();
                case SequencesBehind.NAME -> new SequencesBehind();
                case OrphanedRows.NAME -> new OrphanedRows();
                case RowCounts.NAME -> new RowCounts();
                default -> throw new AssertionError(name);
            });
        }
        options.extra().stream().filter(check -> selected.contains(check.name())).forEach(checks::add);
        return new Verifier(checks, config, options);
    }

    /** {@return the names of the checks this verifier runs, in order} */
    public List<String> checkNames() {
        return checks.stream().map(VerifyCheck::name).toList();
    }

    /**
     * {@return what every check found on the database {@code connection} is connected to}
     *
     * @param connection    the session, closed by the caller; left with no transaction open
     * @param status        where the migrations stand, read just before
     * @param historySchema the schema of Slipway's history tables
     */
    public VerifyReport run(Connection connection, StatusReport status, String historySchema) {
        VerifyContext context = new VerifyContext(new VerifySession(connection, config.statementTimeout()), status,
                options, config, historySchema);
        List<CheckResult> results = new ArrayList<>();
        for (VerifyCheck check : checks) {
            try {
                results.addAll(check.run(context));
            } catch (SQLException e) {
                results.add(CheckResult.failed(check.name(), check.name(), "could not run: "
                        + SmokeChecks.firstLine(e), List.of()));
            }
        }
        return VerifyReport.of(results);
    }

    private static Set<String> select(VerifyOptions options) {
        List<String> known = new ArrayList<>(BUILT_IN);
        known.addAll(GROUPS.keySet());
        options.extra().forEach(check -> known.add(check.name()));
        Set<String> selected = new LinkedHashSet<>();
        if (options.only().isEmpty()) {
            selected.addAll(known);
            return selected;
        }
        for (String raw : options.only()) {
            String name = raw.strip();
            if (!known.contains(name)) {
                throw SlipwayException.badInput("unknown check '" + name + "'", "--only",
                        "name some of: " + String.join(", ", known));
            }
            selected.add(name);
            selected.addAll(GROUPS.getOrDefault(name, List.of()));
        }
        return selected;
    }
}
