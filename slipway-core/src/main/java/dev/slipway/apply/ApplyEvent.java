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

    /**
     * A lock timeout, or a statement cancelled because others waited behind it too long, will be retried after a
     * pause.
     *
     * @param blockers the sessions seen holding the lock the statement waited for
     * @param waiters  the sessions that waited longer than {@code max_blocking} behind the statement, which was
     *                 cancelled for them; empty after a lock timeout
     */
    record Retrying(String script, int line, int attempt, int retries, Duration pause, List<Blocker> blockers,
            List<Blocker> waiters) implements ApplyEvent {
        public Retrying {
            blockers = List.copyOf(blockers);
            waiters = List.copyOf(waiters);
        }
    }

    /** Something the user should know, e.g. an invalid index dropped and rebuilt. */
    record Note(String script, String text) implements ApplyEvent {
    }
}
