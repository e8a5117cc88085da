package dev.slipway.apply;

import java.time.Duration;
import java.util.List;

/** What a run reports while it works, for progress output; the results are returned, not reported. */
public sealed interface ApplyEvent {
    /** Waiting for another runner's lock. */
    record WaitingForRunnerLock(String holder) implements ApplyEvent {
    }

    /** A migration (or its down) starts. */
    record Starting(String script, boolean up, String whyStepByStep) implements ApplyEvent {
    }

    /** A migration (or its down) is done. */
    record Finished(String script, boolean up, Duration took) implements ApplyEvent {
    }

    /** A lock timeout will be retried after a pause. */
    record Retrying(String script, int line, int attempt, int retries, Duration pause, List<Blocker> blockers)
            implements ApplyEvent {
    }

    /** Something the user should know, e.g. an invalid index dropped and rebuilt. */
    record Note(String script, String text) implements ApplyEvent {
    }
}
