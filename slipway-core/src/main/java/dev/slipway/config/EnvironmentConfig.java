package dev.slipway.config;

import dev.slipway.db.PasswordRedactor;
import java.util.List;
import java.util.Objects;

/**
 * One {@code [environments.NAME]} section: a target database and how carefully to treat it.
 *
 * @param name the environment's name, e.g. {@code production}
 * @param url the connection URL (libpq or JDBC form, may carry a password); null to use the PG* variables
 * @param protectedEnvironment whether destructive steps need a confirmation naming the database
 * @param rollback what {@code deploy} does when a step fails
 * @param hooksBefore commands run before migrating, e.g. to enter maintenance mode
 * @param hooksAfter commands run after migrating
 * @param unsetVariable why the section cannot be used (a {@code ${VAR}} it needs is not set, with file and line);
 *     null when it can. Kept rather than thrown so that only a command aimed at this environment fails.
 */
public record EnvironmentConfig(String name, String url, boolean protectedEnvironment, RollbackPolicy rollback,
                                List<String> hooksBefore, List<String> hooksAfter, String unsetVariable) {
    /** Checks the name and policy and copies the hook lists. */
    public EnvironmentConfig {
        if (name == null || name.isBlank()) throw new ConfigException("an environment needs a name");
        Objects.requireNonNull(rollback, "rollback");
        hooksBefore = List.copyOf(hooksBefore);
        hooksAfter = List.copyOf(hooksAfter);
    }

    /** Creates a usable environment: every variable it uses is set. */
    public EnvironmentConfig(String name, String url, boolean protectedEnvironment, RollbackPolicy rollback,
                             List<String> hooksBefore, List<String> hooksAfter) {
        this(name, url, protectedEnvironment, rollback, hooksBefore, hooksAfter, null);
    }

    /** {@return this environment, or throws why it cannot be used} */
    public EnvironmentConfig requireUsable() {
        if (unsetVariable != null) throw new ConfigException(unsetVariable);
        return this;
    }

    /** {@return a copy that cannot be used, for {@code reason}} */
    public EnvironmentConfig unusable(String reason) {
        return new EnvironmentConfig(name, url, protectedEnvironment, rollback, hooksBefore, hooksAfter, reason);
    }

    /** {@return an environment with defaults: no URL, not protected, no rollback, no hooks} */
    public static EnvironmentConfig named(String name) {
        return new EnvironmentConfig(name, null, false, RollbackPolicy.NONE, List.of(), List.of());
    }

    /** {@return a copy with another URL (null for none)} */
    public EnvironmentConfig withUrl(String newUrl) {
        return new EnvironmentConfig(name, newUrl, protectedEnvironment, rollback, hooksBefore, hooksAfter,
                unsetVariable);
    }

    /** {@return a copy that is or is not protected} */
    public EnvironmentConfig withProtectedEnvironment(boolean newProtected) {
        return new EnvironmentConfig(name, url, newProtected, rollback, hooksBefore, hooksAfter,
                unsetVariable);
    }

    /** {@return a copy with another rollback policy} */
    public EnvironmentConfig withRollback(RollbackPolicy newRollback) {
        return new EnvironmentConfig(name, url, protectedEnvironment, newRollback, hooksBefore, hooksAfter,
                unsetVariable);
    }

    /** {@return a copy with other before-hooks} */
    public EnvironmentConfig withHooksBefore(List<String> newHooksBefore) {
        return new EnvironmentConfig(name, url, protectedEnvironment, rollback, newHooksBefore, hooksAfter,
                unsetVariable);
    }

    /** {@return a copy with other after-hooks} */
    public EnvironmentConfig withHooksAfter(List<String> newHooksAfter) {
        return new EnvironmentConfig(name, url, protectedEnvironment, rollback, hooksBefore, newHooksAfter,
                unsetVariable);
    }

    /** {@return the fields, with any password in the URL masked} */
    @Override
    public String toString() {
        return "EnvironmentConfig[name=" + name + ", url=" + PasswordRedactor.redact(url)
                + ", protectedEnvironment=" + protectedEnvironment + ", rollback=" + rollback
                + ", hooksBefore=" + hooksBefore + ", hooksAfter=" + hooksAfter + ", unsetVariable=" + unsetVariable
                + "]";
    }
}
