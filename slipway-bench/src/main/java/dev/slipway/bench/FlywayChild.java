package dev.slipway.bench;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** One measured Flyway run in its own JVM: {@code Flyway.configure()...load().migrate()} on the same folder. */
public final class FlywayChild {
    private FlywayChild() {
    }

    /** Runs once with the arguments described in {@link ChildContext}, then prints the report line. */
    public static void main(String[] args) {
        ChildContext context = ChildContext.fromArgs(args);
        int applied = run(context.workload(), context.dataSource(), context::phase);
        context.report(applied);
    }

    /** {@return how many migrations were applied} Flyway's defaults: validate on migrate, one transaction each. */
    static int run(Workload workload, DataSource dataSource, Phases phases) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:" + workload.migrations().toAbsolutePath())
                .load();
        phases.end("load");
        int applied = flyway.migrate().migrationsExecuted;
        phases.end("migrate");
        return applied;
    }
}
