package dev.slipway.bench;

/** What a measured child process is asked to do. */
public enum Mode {
    /** Apply every migration to an empty database. */
    APPLY,
    /** Start again with every migration already applied: what each application start pays. */
    NOOP
}
