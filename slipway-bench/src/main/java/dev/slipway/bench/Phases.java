package dev.slipway.bench;

/** Marks the end of a named phase of a tool's run, for the time breakdown. */
@FunctionalInterface
interface Phases {
    /** Ignores every phase: for runs that are not measured. */
    Phases NONE = name -> { };

    void end(String name);
}
