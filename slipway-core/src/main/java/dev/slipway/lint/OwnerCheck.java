package dev.slipway.lint;

import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Predicts PostgreSQL's "must be owner of table ...": {@code ALTER TABLE}, {@code CREATE INDEX} and {@code DROP} of
 * a table, view, sequence or index need the role that runs them to own the relation (or to have its owner's
 * privileges, or to be a superuser); {@code REINDEX}, {@code CLUSTER} and {@code REFRESH MATERIALIZED VIEW} too,
 * unless the role has the MAINTAIN privilege on it (PostgreSQL 17). A table created by hand, or by another role, fails the first migration that
 * alters it, in production, possibly half-way through a file that cannot run in one transaction; the live catalog
 * says so before anything runs. After a {@code SET ROLE} or {@code SET SESSION AUTHORIZATION} in the plan the role
 * that runs the rest is not known, so nothing more is judged. Not thread-safe; one per plan.
 */
final class OwnerCheck {
    /** How the check of an owner begins: the verdict counts these failures apart from those of today's rows. */
    static final String CHECK = "the owner of ";
    private static final Set<String> DROPPED_RELATIONS = Set.of("TABLE", "VIEW", "MATERIALIZED VIEW", "SEQUENCE",
            "FOREIGN TABLE");

    private final LiveCatalog catalog;
    private boolean roleChanged;

    OwnerCheck(LiveCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * {@return a predicted failure for each relation the statement must own and the session's role does not}
     *
     * @param command the statement
     * @param isNew   whether an earlier statement of the plan creates the relation, so the same role owns it
     */
    List<PlanReport.Prediction> predict(SqlCommand command, Predicate<QualifiedName> isNew) {
        List<String> verb = command.statement().keywords(3);
        if (!verb.isEmpty() && (verb.get(0).equals("SET") || verb.get(0).equals("RESET"))
                && (verb.contains("ROLE") || verb.contains("AUTHORIZATION"))) {
            roleChanged = true;
        }
        if (roleChanged) return List.of();
        List<PlanReport.Prediction> predictions = new ArrayList<>();
        boolean maintenance = maintenance(command);
        for (QualifiedName relation : owned(command)) {
            if (isNew.test(relation)) continue;
            Optional<LiveCatalog.Owner> owner = catalog.owner(relation);
            if (owner.isEmpty() || owner.get().mayAct() || maintenance && owner.get().maintain()) continue;
            predictions.add(new PlanReport.Prediction(PlanReport.Outcome.WILL_FAIL, CHECK + relation, 0, List.of(),
                    false, "must be owner of " + relation + ": it belongs to " + owner.get().owner() + ", and "
                    + owner.get().role() + ", the role that runs the migrations, is not a member of "
                    + owner.get().owner() + "; its owner or a superuser can hand it over (ALTER ... OWNER TO "
                    + owner.get().role() + ") or grant the role (GRANT " + owner.get().owner() + " TO "
                    + owner.get().role() + ")"));
        }
        return predictions;
    }

    /** {@return the relations the statement must own to run} */
    private static List<QualifiedName> owned(SqlCommand command) {
        if (command instanceof SqlCommand.AlterTable alter) return List.of(alter.table());
        if (command instanceof SqlCommand.CreateIndex index) return List.of(index.table());
        if (command instanceof SqlCommand.DropIndex drop) return drop.indexes();
        if (command instanceof SqlCommand.Drop drop && DROPPED_RELATIONS.contains(drop.kind())) return drop.names();
        if (command instanceof SqlCommand.Reindex reindex && reindex.target() != null
                && (reindex.kind().equals("TABLE") || reindex.kind().equals("INDEX"))) {
            return List.of(reindex.target());
        }
        if (command instanceof SqlCommand.Cluster cluster && cluster.table() != null) return List.of(cluster.table());
        if (command instanceof SqlCommand.RefreshMaterializedView refresh) return List.of(refresh.view());
        return List.of();
    }

    /** {@return whether the statement is maintenance that the MAINTAIN privilege allows without ownership} */
    private static boolean maintenance(SqlCommand command) {
        return command instanceof SqlCommand.Reindex || command instanceof SqlCommand.Cluster
                || command instanceof SqlCommand.RefreshMaterializedView;
    }

    /** {@return whether a prediction is one of this check's} */
    static boolean isOwnerFailure(PlanReport.Prediction prediction) {
        return prediction.outcome() == PlanReport.Outcome.WILL_FAIL && prediction.check().startsWith(CHECK);
    }
}
