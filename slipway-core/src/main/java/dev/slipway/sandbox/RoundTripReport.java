package dev.slipway.sandbox;

import java.util.List;

/**
 * What {@code slipway test} found: one step per versioned migration, in the order they apply, up to the first that
 * could not run.
 *
 * @param scratch      the scratch database the round trip ran in (dropped since), for messages
 * @param server       the PostgreSQL version it ran on
 * @param steps        one per migration tried
 * @param notRun       the versioned migrations after a step that could not run, as their locations
 * @param repeatables  the repeatable migrations, which the round trip leaves out (they have no down migrations)
 */
public record RoundTripReport(String scratch, String server, List<RoundTripStep> steps, List<String> notRun,
        List<String> repeatables) {

    /** Copies the lists. */
    public RoundTripReport {
        steps = List.copyOf(steps);
        notRun = List.copyOf(notRun);
        repeatables = List.copyOf(repeatables);
    }

    /** {@return whether every step passed or had no down migration, and every migration was tried} */
    public boolean passed() {
        return notRun.isEmpty() && steps.stream().noneMatch(step -> step.outcome().failed());
    }

    /** {@return the steps that failed} */
    public List<RoundTripStep> failures() {
        return steps.stream().filter(step -> step.outcome().failed()).toList();
    }
}
