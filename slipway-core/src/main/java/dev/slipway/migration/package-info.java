/**
 * Migrations as files and classes, before any database is involved: versions, file names, locations and
 * scanning, Flyway-compatible checksums, Java migrations, directives, and the validation of a migration set on
 * its own.
 * <p>Nothing here opens a connection. A scan keeps only names, checksums and a way to read each script again,
 * so a folder of thousands of files costs little memory. Failures are unchecked {@link
 * dev.slipway.migration.MigrationException}s whose message names the location, file or file:line.
 */
package dev.slipway.migration;
