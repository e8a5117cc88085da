/**
 * Slipway's settings: {@code slipway.toml}, {@code ${VAR}} expansion and {@code SLIPWAY_*} overrides, resolved once
 * into immutable records ({@link dev.slipway.config.SlipwayConfig} and its parts) by
 * {@link dev.slipway.config.ConfigLoader}.
 * <p>Imports only {@code dev.slipway.db}. Problems are {@link dev.slipway.config.ConfigException}s whose messages
 * name the file, line and key and never contain a password.
 */
package dev.slipway.config;
