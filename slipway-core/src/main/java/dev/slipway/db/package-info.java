/**
 * Reaching a PostgreSQL server: connection URLs in libpq and JDBC form, PG* variables and the password file
 * resolved into one {@link dev.slipway.db.ConnectionSpec}, connections opened from it, and the server version.
 * <p>A leaf package: it imports no other Slipway package. Passwords travel as {@link dev.slipway.db.Secret} and every
 * message that may carry driver text goes through {@link dev.slipway.db.PasswordRedactor}.
 */
package dev.slipway.db;
