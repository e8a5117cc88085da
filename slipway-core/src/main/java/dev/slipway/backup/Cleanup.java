package dev.slipway.backup;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Undo actions for a run (stop pg_dump, remove the partial dump, delete the password file), run in reverse order
 * when the run ends and also when the JVM is stopped in the middle of it (Ctrl-C, SIGTERM), so neither a partial
 * dump nor a password file outlives an interrupted backup. Thread-safe.
 */
final class Cleanup implements AutoCloseable {
    /** One undo action. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private final Deque<Action> actions = new ArrayDeque<>();
    private final Thread hook = new Thread(this::runAll, "slipway backup cleanup");
    private boolean done;

    Cleanup() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Adds an action; the last added runs first. */
    synchronized void add(Action action) {
        actions.push(action);
    }

    private synchronized void runAll() {
        if (done) return;
        done = true;
        Exception first = null;
        while (!actions.isEmpty()) {
            try {
                actions.pop().run();
            } catch (Exception e) {
                if (first == null) first = e;
            }
        }
        if (first instanceof RuntimeException runtime) throw runtime;
        if (first != null) throw new IllegalStateException("cleaning up after a backup failed: " + first.getMessage(),
                first);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        runAll();
    }
}
