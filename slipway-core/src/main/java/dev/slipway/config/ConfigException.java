package dev.slipway.config;

import dev.slipway.db.PasswordRedactor;
import java.util.Optional;

/**
 * Configuration that cannot be used: a bad value, an unknown key, an unset variable, a TOML syntax error. The
 * message says what and where ({@code file:line} and the key) and never contains a password.
 */
public final class ConfigException extends RuntimeException {
    private final String variable;

    /** Creates the exception; passwords in URLs and {@code password=} pairs in {@code message} are masked. */
    public ConfigException(String message) {
        super(PasswordRedactor.redact(message));
        this.variable = null;
    }

    /** Creates the exception with a cause; the message is masked as in {@link #ConfigException(String)}. */
    public ConfigException(String message, Throwable cause) {
        super(PasswordRedactor.redact(message), cause);
        this.variable = null;
    }

    private ConfigException(String message, Throwable cause, String variable) {
        super(PasswordRedactor.redact(message), cause);
        this.variable = variable;
    }

    /** {@return an exception about the environment variable {@code name} rather than the file} */
    static ConfigException inVariable(String name, String message, Throwable cause) {
        return new ConfigException(name + ": " + message, cause, name);
    }

    /** {@return the {@code SLIPWAY_*} variable at fault, or empty when the problem is in the file} */
    public Optional<String> variable() {
        return Optional.ofNullable(variable);
    }
}
