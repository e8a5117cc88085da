/** Benchmarks: Slipway side by side with Flyway, Liquibase and plain JDBC. */
package dev.slipway.bench;
