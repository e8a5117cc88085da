package dev.slipway.bench;

import dev.slipway.Slipway;
import javax.sql.DataSource;

/** One measured Slipway run in its own JVM: {@code Slipway.configure()...load().migrate()} on a folder. */
public final class SlipwayChild {
    private SlipwayChild() {
    }

    /** Runs once with the arguments described in {@link ChildContext}, then prints the report line. */
    public static void main(String[] args) {
        ChildContext context = ChildContext.fromArgs(args);
        int applied = run(context.workload(), context.dataSource(), context::phase);
        context.report(applied);
    }

    /** {@return how many migrations were applied} Defaults throughout, as an application would start it. */
    static int run(Workload workload, DataSource dataSource, Phases phases) {
        Slipway slipway = Slipway.configure()
                .dataSource(dataSource)
                .locations(workload.migrations().toAbsolutePath().toString())
                .load();
        phases.end("load");
        int applied = slipway.migrate().applied().size();
        phases.end("migrate");
        return applied;
    }
}
