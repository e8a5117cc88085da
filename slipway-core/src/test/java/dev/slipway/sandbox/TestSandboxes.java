package dev.slipway.sandbox;

import dev.slipway.db.ConnectionSpec;
import dev.slipway.db.Secret;
import dev.slipway.embedded.PostgresServer;
import dev.slipway.testkit.TestDatabase;
import java.util.Map;
import java.util.Optional;

/** Sandboxes for tests: the test server doubles as the dev server, with a scratch database per build. */
public final class TestSandboxes {
    private TestSandboxes() {
    }

    /** {@return the superuser's connection to {@code db}'s server, as {@code --dev-url} would give it} */
    public static ConnectionSpec devServer(TestDatabase db) {
        return new ConnectionSpec(db.server().host(), db.server().port(), db.name(), PostgresServer.SUPERUSER,
                Optional.of(new Secret(db.server().password())), Map.of());
    }

    /** {@return a sandbox on {@code db}'s server; the caller closes it} */
    public static Sandbox onServerOf(TestDatabase db) {
        return Sandbox.onDevServer(devServer(db));
    }
}
