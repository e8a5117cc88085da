package dev.slipway.apply;

/**
 * A migration found on disk or the class path, with its down migration if it has one.
 *
 * @param up   the migration
 * @param down its down migration, or null
 */
record Candidate(Unit up, Unit down) {
}
