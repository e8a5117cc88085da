package dev.slipway.sandbox;

import dev.slipway.lint.PlanReport;
import dev.slipway.sql.LockMode;
import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.SqlScript;
import dev.slipway.sql.SqlStatement;
import dev.slipway.sql.SqlSyntaxException;
import dev.slipway.sql.TransactionControl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a plan's statements, in order, on a scratch database that holds the target's schema, and records what each
 * did: the locks it held on relations that existed before it (read from {@code pg_locks} before its transaction
 * ends) and the tables it gave new storage (a rewrite: their {@code relfilenode} changed). Static rules guess what a
 * statement locks and whether it rewrites; this is what the server did.
 * <p>The scratch database has the schema and none of the rows, so what depends on rows (how long a scan takes, which
 * rows fail a constraint) is left to the plan's estimates and checks of today's rows; locks and rewrites do not
 * depend on rows. Each statement that can runs in a transaction of its own, committed, so the next one sees its
 * effect; one that cannot ({@code CREATE INDEX CONCURRENTLY}, ...) runs alone, and only its rewrites are seen. A Java
 * migration is not traced. Stateless.
 */
public final class PlanTrace {
    /** PostgreSQL's first object id for user objects: lower ones are the system catalogs'. */
    private static final long FIRST_NORMAL_OBJECT_ID = 16384;
    private static final String OWN_LOCKS = "select l.relation::bigint, l.mode from pg_catalog.pg_locks l"
            + " where l.pid = pg_catalog.pg_backend_pid() and l.locktype = 'relation' and l.granted"
            + " and l.database = (select oid from pg_catalog.pg_database where datname = current_database())";
    private static final String RELATIONS = "select c.oid::bigint, n.nspname, c.relname, c.relkind,"
            + " c.relfilenode::bigint, coalesce(i.indrelid, 0)::bigint"
            + " from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
            + " left join pg_catalog.pg_index i on i.indexrelid = c.oid"
            + " where c.oid >= " + FIRST_NORMAL_OBJECT_ID + " and n.nspname <> 'information_schema'"
            + " and n.nspname !~ '^pg_'";

    private PlanTrace() {
    }

    /** A relation as the catalog held it before a statement; {@code table} is an index's table, else 0. */
    private record Relation(QualifiedName name, char kind, long fileNode, long table) {
    }

    /**
     * Runs the plan's statements on {@code session} and returns what each did.
     *
     * @param session a session on a scratch database migrated to the target's applied migrations; it is changed
     * @param plan    the plan whose statements to run
     * @return per migration, per statement, what it did; a migration without statements (Java) has none
     * @throws SQLException when the scratch database cannot be read
     */
    public static List<List<PlanReport.Observation>> observe(Connection session, PlanReport plan)
            throws SQLException {
        session.setAutoCommit(true);
        try (Statement setup = session.createStatement()) {
            // the scratch database is empty: a statement that takes long there waits on something, not on rows
            setup.execute("set statement_timeout = '60s'");
        }
        List<List<PlanReport.Observation>> observed = new ArrayList<>();
        String failedAt = null;
        for (PlanReport.Migration migration : plan.migrations()) {
            List<PlanReport.Observation> steps = new ArrayList<>();
            for (PlanReport.Step step : migration.statements()) {
                if (failedAt != null) {
                    steps.add(skipped("not run: " + failedAt + " failed on the scratch database before it"));
                    continue;
                }
                PlanReport.Observation observation = run(session, step, plan.pgMajor());
                if (observation.outcome() == PlanReport.Traced.FAILED) failedAt = step.script() + ":" + step.line();
                steps.add(observation);
            }
            observed.add(steps);
        }
        return observed;
    }

    private static PlanReport.Observation run(Connection session, PlanReport.Step step, int pgMajor)
            throws SQLException {
        SqlStatement statement;
        try {
            statement = SqlScript.parse(step.sql()).statements().get(0);
        } catch (SqlSyntaxException | IndexOutOfBoundsException e) {
            return skipped("not run: it cannot be read as one statement");
        }
        if (statement.transactionControl() != TransactionControl.NONE) {
            return skipped("transaction control: each traced statement runs in a transaction of its own");
        }
        Map<Long, Relation> before = relations(session);
        boolean alone = statement.cannotRunInTransaction(pgMajor);
        List<PlanReport.RelationLock> locks = List.of();
        try (Statement sql = session.createStatement()) {
            if (alone) {
                sql.execute(step.sql());
            } else {
                session.setAutoCommit(false);
                try {
                    sql.execute(step.sql());
                    locks = ownLocks(session, before);
                    session.commit();
                } catch (SQLException e) {
                    session.rollback();
                    throw e;
                } finally {
                    session.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            return new PlanReport.Observation(PlanReport.Traced.FAILED, List.of(), List.of(),
                    firstLine(e.getMessage()));
        }
        // TRUNCATE gives a table new, empty storage: nothing is copied, so it is not a rewrite
        List<QualifiedName> rewritten = SqlCommand.of(statement) instanceof SqlCommand.Truncate ? List.of()
                : rewritten(before, relations(session));
        return new PlanReport.Observation(alone ? PlanReport.Traced.RAN_WITHOUT_TRANSACTION : PlanReport.Traced.RAN,
                locks, rewritten, "");
    }

    private static PlanReport.Observation skipped(String why) {
        return new PlanReport.Observation(PlanReport.Traced.SKIPPED, List.of(), List.of(), why);
    }

    /** {@return the user relations by oid, with their storage} */
    private static Map<Long, Relation> relations(Connection session) throws SQLException {
        Map<Long, Relation> relations = new HashMap<>();
        try (Statement query = session.createStatement(); ResultSet rows = query.executeQuery(RELATIONS)) {
            while (rows.next()) {
                relations.put(rows.getLong(1), new Relation(new QualifiedName(rows.getString(2), rows.getString(3)),
                        rows.getString(4).charAt(0), rows.getLong(5), rows.getLong(6)));
            }
        }
        return relations;
    }

    /**
     * {@return the strongest lock the session holds on each relation that existed before the statement; an index
     * counts only when its table is not locked as strongly (a DROP INDEX, not the indexes a rewrite rebuilds)}
     */
    private static List<PlanReport.RelationLock> ownLocks(Connection session, Map<Long, Relation> before)
            throws SQLException {
        Map<Long, LockMode> strongest = new LinkedHashMap<>();
        try (Statement query = session.createStatement(); ResultSet rows = query.executeQuery(OWN_LOCKS)) {
            while (rows.next()) {
                long oid = rows.getLong(1);
                if (before.containsKey(oid)) strongest.merge(oid, mode(rows.getString(2)), PlanTrace::stronger);
            }
        }
        List<PlanReport.RelationLock> locks = new ArrayList<>();
        strongest.forEach((oid, mode) -> {
            Relation relation = before.get(oid);
            LockMode onTable = relation.table() == 0 ? null : strongest.get(relation.table());
            if (onTable == null || onTable.compareTo(mode) < 0) {
                locks.add(new PlanReport.RelationLock(relation.name(), mode, null));
            }
        });
        return locks;
    }

    private static LockMode stronger(LockMode a, LockMode b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** {@return the mode {@code pg_locks} names, e.g. {@code ShareUpdateExclusiveLock}} */
    static LockMode mode(String pgLocksMode) {
        String words = pgLocksMode.replaceFirst("Lock$", "").replaceAll("([a-z])([A-Z])", "$1_$2");
        return LockMode.valueOf(words.toUpperCase(Locale.ROOT));
    }

    /** {@return the tables and materialized views that existed before and have new storage now} */
    private static List<QualifiedName> rewritten(Map<Long, Relation> before, Map<Long, Relation> after) {
        List<QualifiedName> rewritten = new ArrayList<>();
        before.forEach((oid, old) -> {
            Relation now = after.get(oid);
            if (now != null && (old.kind() == 'r' || old.kind() == 'm') && now.fileNode() != old.fileNode()) {
                rewritten.add(now.name());
            }
        });
        rewritten.sort((a, b) -> a.toString().compareTo(b.toString()));
        return rewritten;
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
