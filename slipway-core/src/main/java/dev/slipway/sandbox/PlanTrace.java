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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a plan's statements, in order, on a scratch database that holds the target's schema, and records what each
 * did: the locks it held on relations that existed before it (read from {@code pg_locks} right after it, before
 * its transaction ends) and the tables it gave new storage (a rewrite: their {@code relfilenode} changed). Static
 * rules guess what a statement locks and whether it rewrites; this is what the server did.
 * <p>The scratch database has the schema and none of the rows, so what depends on rows (how long a scan takes, which
 * rows fail a constraint) is left to the plan's estimates and checks of today's rows; locks and rewrites do not
 * depend on rows. Each migration runs as the runner would run it: in one transaction, block by block where the file
 * has its own {@code BEGIN ... COMMIT}, or statement by statement where one cannot run in a transaction ({@code
 * CREATE INDEX CONCURRENTLY}, ...; such a statement runs alone, and only its rewrites are seen). A Java migration is
 * not traced. Stateless.
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
        Relations relations = new Relations(session);
        String failedAt = null;
        for (PlanReport.Migration migration : plan.migrations()) {
            List<PlanReport.Observation> steps = new ArrayList<>();
            if (failedAt == null) {
                failedAt = new MigrationRun(session, plan.pgMajor(), migration, relations, steps).run();
            } else {
                for (PlanReport.Step step : migration.statements()) {
                    steps.add(skipped("not run: " + failedAt + " failed on the scratch database before it"));
                }
            }
            observed.add(steps);
        }
        return observed;
    }

    /**
     * One migration's statements, run as the runner runs them: in one transaction; or, when the file has its own
     * {@code BEGIN ... COMMIT}, block by block; or, when a statement cannot run in a transaction, each on its own.
     * In a transaction a statement is credited with the locks it added, and with those already held on the
     * relations it names (it would take them, had an earlier statement not).
     */
    private static final class MigrationRun {
        private final Connection session;
        private final int pgMajor;
        private final PlanReport.Migration migration;
        private final Relations relations;
        private final List<PlanReport.Observation> observed;

        MigrationRun(Connection session, int pgMajor, PlanReport.Migration migration, Relations relations,
                List<PlanReport.Observation> observed) {
            this.session = session;
            this.pgMajor = pgMajor;
            this.migration = migration;
            this.relations = relations;
            this.observed = observed;
        }

        /** {@return where the migration failed ({@code file:line}), or null when every statement ran} */
        String run() throws SQLException {
            List<SqlStatement> statements = new ArrayList<>();
            for (PlanReport.Step step : migration.statements()) statements.add(parsed(step));
            boolean ownBlocks = statements.stream().anyMatch(s -> s != null
                    && s.transactionControl() != TransactionControl.NONE);
            boolean oneByOne = !ownBlocks && statements.stream().anyMatch(s -> s != null
                    && s.cannotRunInTransaction(pgMajor));
            boolean inTransaction = !ownBlocks && !oneByOne;
            session.setAutoCommit(!inTransaction);
            try {
                for (int i = 0; i < statements.size(); i++) {
                    PlanReport.Step step = migration.statements().get(i);
                    SqlStatement statement = statements.get(i);
                    if (statement == null) {
                        observed.add(skipped("not run: it cannot be read as one statement"));
                    } else if (statement.transactionControl() != TransactionControl.NONE) {
                        inTransaction = control(statement.transactionControl());
                    } else {
                        PlanReport.Observation observation = statement(step, statement, inTransaction);
                        observed.add(observation);
                        if (observation.outcome() == PlanReport.Traced.FAILED) {
                            if (!session.getAutoCommit()) session.rollback();
                            skipTheRest(i + 1, step);
                            return step.script() + ":" + step.line();
                        }
                    }
                }
                if (!session.getAutoCommit()) session.commit();
                return null;
            } finally {
                session.setAutoCommit(true);
            }
        }

        /** Runs {@code BEGIN}, {@code COMMIT} or {@code ROLLBACK} as the file says; {@return whether a block is on} */
        private boolean control(TransactionControl control) throws SQLException {
            if (control == TransactionControl.BEGIN) {
                observed.add(skipped("begins a block: the statements up to its COMMIT run in one transaction"));
                session.setAutoCommit(false);
                return true;
            }
            if (!session.getAutoCommit()) {
                if (control == TransactionControl.COMMIT) {
                    session.commit();
                } else {
                    session.rollback();
                    relations.forget();
                }
            }
            observed.add(skipped("ends the block"));
            session.setAutoCommit(true);
            return false;
        }

        private void skipTheRest(int from, PlanReport.Step failed) {
            for (int j = from; j < migration.statements().size(); j++) {
                observed.add(skipped("not run: " + failed.script() + ":" + failed.line() + " failed on the scratch"
                        + " database before it"));
            }
        }

        private PlanReport.Observation statement(PlanReport.Step step, SqlStatement statement,
                boolean inTransaction) throws SQLException {
            Map<Long, Relation> before = relations.now();
            boolean alone = statement.cannotRunInTransaction(pgMajor);
            Map<Long, LockMode> held = inTransaction ? ownLocks(session, before) : Map.of();
            List<PlanReport.RelationLock> locks = List.of();
            try (Statement sql = session.createStatement()) {
                if (alone || inTransaction) {
                    sql.execute(step.sql());
                    if (inTransaction) locks = credited(step, before, held, ownLocks(session, before));
                } else {
                    // a statement of its own in a file run statement by statement: its own transaction
                    session.setAutoCommit(false);
                    try {
                        sql.execute(step.sql());
                        locks = credited(step, before, Map.of(), ownLocks(session, before));
                        session.commit();
                    } catch (SQLException e) {
                        session.rollback();
                        throw e;
                    } finally {
                        session.setAutoCommit(true);
                    }
                }
            } catch (SQLException e) {
                relations.forget();
                return new PlanReport.Observation(PlanReport.Traced.FAILED, List.of(), List.of(),
                        firstLine(e.getMessage()), e.getSQLState());
            }
            Map<Long, Relation> after = relations.reread();
            // TRUNCATE gives a table new, empty storage: nothing is copied, so it is not a rewrite
            List<QualifiedName> rewritten = SqlCommand.of(statement) instanceof SqlCommand.Truncate ? List.of()
                    : rewritten(before, after);
            return new PlanReport.Observation(alone ? PlanReport.Traced.RAN_WITHOUT_TRANSACTION
                    : PlanReport.Traced.RAN, locks, rewritten, "", null);
        }
    }

    /**
     * The user relations as the last statement left them: read once after each statement, which is what the next
     * one starts from (only the traced statements change the scratch database). Not thread-safe.
     */
    private static final class Relations {
        private final Connection session;
        private Map<Long, Relation> now;

        Relations(Connection session) {
            this.session = session;
        }

        Map<Long, Relation> now() throws SQLException {
            if (now == null) now = relations(session);
            return now;
        }

        Map<Long, Relation> reread() throws SQLException {
            now = relations(session);
            return now;
        }

        /** After a rollback the catalog went back to an earlier state: read it again when next asked. */
        void forget() {
            now = null;
        }
    }

    private static SqlStatement parsed(PlanReport.Step step) {
        try {
            List<SqlStatement> statements = SqlScript.parse(step.sql()).statements();
            return statements.size() == 1 ? statements.get(0) : null;
        } catch (SqlSyntaxException e) {
            return null;
        }
    }

    /**
     * {@return the locks credited to a statement: those it added or made stronger, and those already held on the
     * relations the model says it touches; an index only when its table is not locked as strongly}
     */
    private static List<PlanReport.RelationLock> credited(PlanReport.Step step, Map<Long, Relation> relations,
            Map<Long, LockMode> before, Map<Long, LockMode> after) {
        List<PlanReport.RelationLock> locks = new ArrayList<>();
        after.forEach((oid, mode) -> {
            Relation relation = relations.get(oid);
            LockMode earlier = before.get(oid);
            boolean added = earlier == null || earlier.compareTo(mode) < 0;
            boolean named = step.locks().stream().anyMatch(lock -> lock.relation().sameObject(relation.name()));
            LockMode onTable = relation.table() == 0 ? null : after.get(relation.table());
            if ((added || named) && (onTable == null || onTable.compareTo(mode) < 0)) {
                locks.add(new PlanReport.RelationLock(relation.name(), mode, null));
            }
        });
        // pg_locks lists in no set order: the strongest first, then by name, so two runs print the same
        locks.sort(Comparator.comparing(PlanReport.RelationLock::mode).reversed()
                .thenComparing(lock -> lock.relation().toString()));
        return locks;
    }

    private static PlanReport.Observation skipped(String why) {
        return new PlanReport.Observation(PlanReport.Traced.SKIPPED, List.of(), List.of(), why, null);
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

    /** {@return the strongest lock the session holds on each relation of {@code relations}, by oid} */
    private static Map<Long, LockMode> ownLocks(Connection session, Map<Long, Relation> relations)
            throws SQLException {
        Map<Long, LockMode> strongest = new LinkedHashMap<>();
        try (Statement query = session.createStatement(); ResultSet rows = query.executeQuery(OWN_LOCKS)) {
            while (rows.next()) {
                long oid = rows.getLong(1);
                if (relations.containsKey(oid)) strongest.merge(oid, mode(rows.getString(2)), PlanTrace::stronger);
            }
        }
        return strongest;
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
