/**
 * PostgreSQL SQL text as Slipway needs it: a lexer that follows the server's own scanner, a splitter that cuts a
 * migration file into statements the way psql does, and a classifier that tells which statements control or cannot
 * run inside a transaction.
 * <p>A leaf package: it depends on nothing else in Slipway and needs no database. Every type here is immutable or
 * stateless and therefore thread-safe.
 */
package dev.slipway.sql;
