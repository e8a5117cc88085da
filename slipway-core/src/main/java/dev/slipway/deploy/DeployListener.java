package dev.slipway.deploy;

/** Receives {@link DeployEvent}s as a deploy makes progress. Called on the deploying thread. */
@FunctionalInterface
public interface DeployListener {
    /** Ignores every event. */
    DeployListener NONE = event -> {
    };

    void on(DeployEvent event);
}
