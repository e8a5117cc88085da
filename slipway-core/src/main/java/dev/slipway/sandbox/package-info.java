/**
 * Scratch databases: empty databases Slipway creates to build a schema from the migrations, compare it, or try a
 * round trip, and drops again afterwards.
 * <p>They live on a dev server the user names ({@code --dev-url}), where Slipway may create and drop databases, or,
 * without one, on an ephemeral local cluster of the target's major version started from the system's or Maven
 * Central's server binaries (as an unprivileged user when run as root) and removed when the {@link
 * dev.slipway.sandbox.Sandbox} closes. One sandbox hands out any number of databases, so a command that needs
 * several schemas starts one cluster.
 */
package dev.slipway.sandbox;
