package dev.slipway.verify;

import dev.slipway.config.RowCountTolerance;
import dev.slipway.db.PgIdentifiers;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Row counts now against the snapshot taken before the deploy: a table that lost more rows than the tolerance, or
 * is gone, fails; a table added since is reported, not failed; growth never fails. Skipped when no snapshot of this
 * database exists.
 */
final class RowCounts implements VerifyCheck {
    static final String NAME = "row-counts";
    private static final String TITLE = "row counts against the snapshot";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> run(VerifyContext context) throws SQLException {
        VerifySession session = context.session();
        Rows identity = session.query(RowCountSnapshot.IDENTITY, 1);
        String database = (String) identity.value(0, 0);
        String server = (String) identity.value(0, 1);
        Optional<RowCountSnapshot> found = RowCountSnapshot.read(context.config().snapshotDirectory(), database);
        if (found.isEmpty()) {
            return List.of(CheckResult.skipped(NAME, TITLE, "no snapshot of " + database + " in "
                    + context.config().snapshotDirectory() + "; take one before a deploy with"
                    + " `slipway verify --snapshot`"));
        }
        RowCountSnapshot snapshot = found.get();
        if (!snapshot.server().equals(server)) {
            return List.of(CheckResult.skipped(NAME, TITLE, "the snapshot of " + database + " is of the server at "
                    + snapshot.server() + ", not this one (" + server + ")"));
        }
        Map<String, List<Object>> now = new HashMap<>();
        for (List<Object> table : RowCountSnapshot.tables(session, context.historySchema()).values()) {
            now.put(Names.qualified((String) table.get(0), (String) table.get(1)), table);
        }
        RowCountTolerance tolerance = context.config().rowCountTolerance();
        List<String> lost = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, Long> before : snapshot.counts().entrySet()) {
            List<Object> table = now.remove(before.getKey());
            if (table == null) {
                if (before.getValue() > tolerance.allowedLoss(before.getValue())) {
                    lost.add(before.getKey() + ": " + before.getValue() + " row(s) before, and the table is gone");
                }
                continue;
            }
            long after = count(session, table);
            long loss = before.getValue() - after;
            if (loss > tolerance.allowedLoss(before.getValue())) {
                lost.add(before.getKey() + ": " + before.getValue() + " -> " + after + " (lost " + loss + ", "
                        + percent(loss, before.getValue()) + ")");
            }
        }
        for (Map.Entry<String, List<Object>> table : new java.util.TreeMap<>(now).entrySet()) {
            added.add(table.getKey() + ": new since the snapshot, " + count(session, table.getValue()) + " row(s)");
        }
        String since = "snapshot of " + snapshot.takenAt().truncatedTo(ChronoUnit.SECONDS)
                + (snapshot.revision() == null ? ""
                : " at version " + snapshot.revision());
        if (lost.isEmpty()) {
            return List.of(new CheckResult(NAME, TITLE, CheckStatus.PASSED, snapshot.counts().size() + " table(s)"
                    + " within " + tolerance + " of the " + since + (added.isEmpty() ? ""
                    : "; " + added.size() + " new table(s)"), added, null));
        }
        List<String> details = new ArrayList<>(lost);
        details.addAll(added);
        return List.of(CheckResult.failed(NAME, TITLE, lost.size() + " table(s) lost more than " + tolerance
                + " of their rows since the " + since, details));
    }

    private static long count(VerifySession session, List<Object> table) throws SQLException {
        return session.queryLong("select count(*) from " + PgIdentifiers.qualified((String) table.get(0),
                (String) table.get(1)));
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "all" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
