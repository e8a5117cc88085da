package dev.slipway.apply;

import dev.slipway.Slipway;

/**
 * {@code slipway migrate} in a process of its own, for tests that kill it: migrates the database at the URL in the
 * first argument (credentials come from PGUSER and PGPASSWORD) with the migrations in the folder of the second.
 */
public final class KillableRunner {
    private KillableRunner() {
    }

    /** Runs the migrations; exits non-zero with the message when they fail. */
    public static void main(String[] args) {
        Slipway.configure().url(args[0]).locations(args[1]).load().migrate();
    }
}
