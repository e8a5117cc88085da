package dev.slipway.apply;

/** Receives {@link ApplyEvent}s as a run makes progress. Called on the running thread. */
@FunctionalInterface
public interface ApplyListener {
    /** A listener that ignores everything. */
    ApplyListener NONE = event -> { };

    /** Handles one event. */
    void on(ApplyEvent event);
}
