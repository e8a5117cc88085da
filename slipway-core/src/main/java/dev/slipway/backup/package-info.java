/**
 * Backups and restores with PostgreSQL's own tools: {@code pg_dump} streamed to disk and hashed in one pass, a JSON
 * manifest next to each backup, verification with {@code pg_restore --list} (or a restore into a scratch database),
 * retention, an optional external command, and a restore that checks the checksum and asks for the database name
 * before it touches anything.
 * <p>Entry point: {@link dev.slipway.backup.Backups}. Passwords reach the programs through a temporary password
 * file (mode 0600), never their command lines. Imports only {@code config}, {@code db} and {@code history}.
 */
package dev.slipway.backup;
