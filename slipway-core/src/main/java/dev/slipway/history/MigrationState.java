package dev.slipway.history;

/** Where one migration stands in the database, as the history table records it. */
public enum MigrationState {
    /** Every step is done. */
    APPLIED,
    /** Some steps of a migration that cannot run as one transaction are done; a re-run resumes after them. */
    PARTIAL,
    /** Some steps of its down migration are done; a re-run of the downgrade resumes after them. */
    REVERTING;

    static MigrationState of(String stored) {
        return valueOf(stored.toUpperCase(java.util.Locale.ROOT));
    }

    String stored() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
