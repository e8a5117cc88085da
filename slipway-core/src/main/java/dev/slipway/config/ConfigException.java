package dev.slipway.config;

import dev.slipway.db.PasswordRedactor;

/**
 * Configuration that cannot be used: a bad value, an unknown key, an unset variable, a TOML syntax error. The
 * message says what and where ({@code file:line} and the key) and never contains a password.
 */
public final class ConfigException extends RuntimeException {
    /** Creates the exception; passwords in URLs and {@code password=} pairs in {@code message} are masked. */
    public ConfigException(String message) {
        super(PasswordRedactor.redact(message));
    }

    /** Creates the exception with a cause; the message is masked as in {@link #ConfigException(String)}. */
    public ConfigException(String message, Throwable cause) {
        super(PasswordRedactor.redact(message), cause);
    }
}
