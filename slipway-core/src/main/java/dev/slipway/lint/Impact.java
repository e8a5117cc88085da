package dev.slipway.lint;

import dev.slipway.sql.AlterTableAction;
import dev.slipway.sql.ColumnDefinition;
import dev.slipway.sql.LockMode;
import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one statement does to the relations it touches: the lock it takes on each, how much work it does while
 * holding it, and whether it destroys data. Read from the statement alone; {@link Planner} adds live sizes.
 *
 * @param locks       the relations and the lock taken on each; empty for statements that lock no existing relation
 *                    or that the model does not know
 * @param work        the heaviest work the statement does on its main relation
 * @param destructive whether it deletes data (a table, a column, rows)
 * @param modelled    whether the statement is one the model knows; unknown statements are shown without an impact
 */
public record Impact(List<Lock> locks, Work work, boolean destructive, boolean modelled) {

    /** Copies the locks. */
    public Impact {
        locks = List.copyOf(locks);
        Objects.requireNonNull(work, "work");
    }

    /**
     * A lock on one relation.
     *
     * @param relation the table, index or view
     * @param mode     the lock mode
     */
    public record Lock(QualifiedName relation, LockMode mode) {
    }

    /** How much work a statement does on its relation, lightest first. */
    public enum Work {
        /** Only the catalog changes: a moment once the lock is granted. */
        CATALOG,
        /** Changes the rows it matches, each row locked until commit. */
        ROWS,
        /** Reads every row (to check a constraint). */
        SCAN,
        /** Builds an index over every row. */
        INDEX_BUILD,
        /** Writes a new copy of the table and its indexes. */
        REWRITE;

        /** {@return the work in words} */
        public String describe() {
            return switch (this) {
                case CATALOG -> "catalog only";
                case ROWS -> "changes rows";
                case SCAN -> "scans the table";
                case INDEX_BUILD -> "builds an index";
                case REWRITE -> "rewrites the table";
            };
        }
    }

    /** {@return the strongest lock the statement takes, if any} */
    public LockMode strongest() {
        LockMode strongest = null;
        for (Lock lock : locks) {
            if (strongest == null || lock.mode().compareTo(strongest) > 0) strongest = lock.mode();
        }
        return strongest;
    }

    /** {@return whether the statement, while it works, keeps others from reading or writing} */
    public boolean blocksOthers() {
        if (work == Work.ROWS) return true;
        LockMode strongest = strongest();
        return strongest != null && strongest.blocksWrites();
    }

    /**
     * {@return what the statement does}
     * @param command the statement
     * @param pgMajor the server's major version
     */
    public static Impact of(SqlCommand command, int pgMajor) {
        List<Lock> locks = new ArrayList<>();
        if (command instanceof SqlCommand.AlterTable alter) return alterTable(alter, pgMajor);
        if (command instanceof SqlCommand.CreateTable create) {
            for (TableConstraint constraint : create.constraints()) {
                if (constraint.references() != null) {
                    locks.add(new Lock(constraint.references(), LockMode.SHARE_ROW_EXCLUSIVE));
                }
            }
            for (ColumnDefinition column : create.columns()) {
                if (column.references() != null) {
                    locks.add(new Lock(column.references(), LockMode.SHARE_ROW_EXCLUSIVE));
                }
            }
            return new Impact(locks, Work.CATALOG, false, true);
        }
        if (command instanceof SqlCommand.CreateIndex index) {
            locks.add(new Lock(index.table(), index.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE));
            return new Impact(locks, Work.INDEX_BUILD, false, true);
        }
        if (command instanceof SqlCommand.DropIndex drop) {
            for (QualifiedName index : drop.indexes()) {
                locks.add(new Lock(index, drop.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE
                        : LockMode.ACCESS_EXCLUSIVE));
            }
            return new Impact(locks, Work.CATALOG, false, true);
        }
        if (command instanceof SqlCommand.Reindex reindex) {
            if (reindex.target() != null && (reindex.kind().equals("TABLE") || reindex.kind().equals("INDEX"))) {
                locks.add(new Lock(reindex.target(), reindex.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE
                        : reindex.kind().equals("TABLE") ? LockMode.SHARE : LockMode.ACCESS_EXCLUSIVE));
            }
            return new Impact(locks, Work.INDEX_BUILD, false, true);
        }
        if (command instanceof SqlCommand.Drop drop) {
            boolean table = drop.kind().equals("TABLE") || drop.kind().contains("VIEW");
            if (table) drop.names().forEach(name -> locks.add(new Lock(name, LockMode.ACCESS_EXCLUSIVE)));
            boolean destroys = table || drop.kind().equals("SCHEMA") || drop.kind().equals("DATABASE");
            return new Impact(locks, Work.CATALOG, destroys, true);
        }
        if (command instanceof SqlCommand.Truncate truncate) {
            truncate.tables().forEach(t -> locks.add(new Lock(t, LockMode.ACCESS_EXCLUSIVE)));
            return new Impact(locks, Work.CATALOG, true, true);
        }
        if (command instanceof SqlCommand.Update update) {
            locks.add(new Lock(update.table(), LockMode.ROW_EXCLUSIVE));
            return new Impact(locks, Work.ROWS, !update.hasWhere(), true);
        }
        if (command instanceof SqlCommand.Insert insert) {
            locks.add(new Lock(insert.table(), LockMode.ROW_EXCLUSIVE));
            return new Impact(locks, Work.CATALOG, false, true);
        }
        if (command instanceof SqlCommand.Delete delete) {
            locks.add(new Lock(delete.table(), LockMode.ROW_EXCLUSIVE));
            return new Impact(locks, Work.ROWS, true, true);
        }
        if (command instanceof SqlCommand.Vacuum vacuum) {
            vacuum.tables().forEach(t -> locks.add(new Lock(t, vacuum.full() ? LockMode.ACCESS_EXCLUSIVE
                    : LockMode.SHARE_UPDATE_EXCLUSIVE)));
            return new Impact(locks, vacuum.full() ? Work.REWRITE : Work.SCAN, false, true);
        }
        if (command instanceof SqlCommand.Cluster cluster) {
            if (cluster.table() != null) locks.add(new Lock(cluster.table(), LockMode.ACCESS_EXCLUSIVE));
            return new Impact(locks, Work.REWRITE, false, true);
        }
        if (command instanceof SqlCommand.RefreshMaterializedView refresh) {
            locks.add(new Lock(refresh.view(),
                    refresh.concurrently() ? LockMode.EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE));
            return new Impact(locks, Work.REWRITE, false, true);
        }
        if (command instanceof SqlCommand.LockTable lock) {
            lock.tables().forEach(t -> locks.add(new Lock(t, lock.mode())));
            return new Impact(locks, Work.CATALOG, false, true);
        }
        if (command instanceof SqlCommand.AddEnumValue || command instanceof SqlCommand.CreateDomain
                || command instanceof SqlCommand.AlterDomain || command instanceof SqlCommand.Transaction) {
            return new Impact(locks, Work.CATALOG, false, true);
        }
        if (command instanceof SqlCommand.Unclassified) return new Impact(locks, Work.CATALOG, false, false);
        throw new AssertionError(command);
    }

    private static Impact alterTable(SqlCommand.AlterTable alter, int pgMajor) {
        LockMode mode = null;
        Work work = Work.CATALOG;
        boolean destructive = false;
        List<Lock> others = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            LockMode actionMode = LockMode.ACCESS_EXCLUSIVE;
            Work actionWork = Work.CATALOG;
            if (action instanceof AlterTableAction.AddColumn add) {
                if (AddingColumnRewrite.rewriteReason(add.column(), pgMajor) != null) {
                    actionWork = Work.REWRITE;
                } else if (add.column().unique() || add.column().primaryKey()) {
                    actionWork = Work.INDEX_BUILD;
                }
                if (add.column().references() != null) {
                    others.add(new Lock(add.column().references(), LockMode.SHARE_ROW_EXCLUSIVE));
                }
            } else if (action instanceof AlterTableAction.DropColumn) {
                destructive = true;
            } else if (action instanceof AlterTableAction.AlterColumnType) {
                actionWork = Work.REWRITE;
            } else if (action instanceof AlterTableAction.SetNotNull) {
                actionWork = Work.SCAN;
            } else if (action instanceof AlterTableAction.AddConstraint add) {
                TableConstraint constraint = add.constraint();
                boolean checksRows = !constraint.notValid();
                switch (constraint.kind()) {
                    case FOREIGN_KEY -> {
                        actionMode = LockMode.SHARE_ROW_EXCLUSIVE;
                        if (constraint.references() != null) {
                            others.add(new Lock(constraint.references(), LockMode.SHARE_ROW_EXCLUSIVE));
                        }
                        if (checksRows) actionWork = Work.SCAN;
                    }
                    case CHECK, NOT_NULL -> {
                        if (checksRows) actionWork = Work.SCAN;
                    }
                    case UNIQUE, PRIMARY_KEY, EXCLUDE -> {
                        if (constraint.usingIndex() == null) actionWork = Work.INDEX_BUILD;
                    }
                    default -> throw new AssertionError(constraint.kind());
                }
            } else if (action instanceof AlterTableAction.ValidateConstraint) {
                actionMode = LockMode.SHARE_UPDATE_EXCLUSIVE;
                actionWork = Work.SCAN;
            } else if (action instanceof AlterTableAction.AttachPartition attach) {
                actionMode = pgMajor >= 12 ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
                others.add(new Lock(attach.partition(), LockMode.ACCESS_EXCLUSIVE));
                actionWork = Work.SCAN;
            } else if (action instanceof AlterTableAction.DetachPartition detach) {
                actionMode = detach.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
                others.add(new Lock(detach.partition(), LockMode.ACCESS_EXCLUSIVE));
            } else if (action instanceof AlterTableAction.Rewrite) {
                actionWork = Work.REWRITE;
            }
            if (mode == null || actionMode.compareTo(mode) > 0) mode = actionMode;
            if (actionWork.compareTo(work) > 0) work = actionWork;
        }
        List<Lock> locks = new ArrayList<>();
        locks.add(new Lock(alter.table(), mode));
        locks.addAll(others);
        return new Impact(locks, work, destructive, true);
    }
}
