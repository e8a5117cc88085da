package dev.slipway.db;

import java.util.Objects;

/**
 * A password or other credential that must never be printed.
 * <p>{@link #toString()} masks it, so a secret that ends up in a log line, an exception message or a record's
 * {@code toString} shows as {@code ****}. Immutable and thread-safe.
 */
public final class Secret {
    private final String value;

    /** Wraps {@code value}, which must not be null. */
    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** {@return the secret, for the one call that sends it to the server} */
    public String reveal() {
        return value;
    }

    /** Two secrets are equal when they hold the same value, so records holding them compare by content. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** {@return {@code ****}, whatever the value} */
    @Override
    public String toString() {
        return "****";
    }
}
