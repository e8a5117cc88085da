package dev.slipway.config;

import dev.slipway.db.PasswordRedactor;
import java.time.Duration;
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
 * @param hooksTimeout how long one hook may run before it is stopped and counts as failed
 */
public record EnvironmentConfig(String name, String url, boolean protectedEnvironment, RollbackPolicy rollback,
                                List<String> hooksBefore, List<String> hooksAfter, String unsetVariable,
                                Duration hooksTimeout) {
    /** How long a hook may run when the environment does not say: a maintenance switch takes seconds. */
    public static final Duration DEFAULT_HOOKS_TIMEOUT = Duration.ofMinutes(10);

    /** Checks the name, policy and timeout and copies the hook lists. */
    public EnvironmentConfig {
        if (name == null || name.isBlank()) throw new ConfigException("an environment needs a name");
        Objects.requireNonNull(rollback, "rollback");
        Objects.requireNonNull(hooksTimeout, "hooksTimeout");
        if (hooksTimeout.isNegative() || hooksTimeout.isZero()) {
            throw new ConfigException("environments." + name + ".hooks.timeout must be more than 0");
        }
        hooksBefore = List.copyOf(hooksBefore);
        hooksAfter = List.copyOf(hooksAfter);
    }

    /** Creates a usable environment: every variable it uses is set, hooks have the default timeout. */
    public EnvironmentConfig(String name, String url, boolean protectedEnvironment, RollbackPolicy rollback,
                             List<String> hooksBefore, List<String> hooksAfter) {
        this(name, url, protectedEnvironment, rollback, hooksBefore, hooksAfter, null, DEFAULT_HOOKS_TIMEOUT);
    }

    /** {@return this environment, or throws why it cannot be used} */
    public EnvironmentConfig requireUsable() {
        if (unsetVariable != null) throw new ConfigException(unsetVariable);
        return this;
    }

    /** {@return a copy that cannot be used, for {@code reason}} */
    public EnvironmentConfig unusable(String reason) {
        return new EnvironmentConfig(name, url, protectedEnvironment, rollback, hooksBefore, hooksAfter, reason,
                hooksTimeout);
    }

    /** {@return an environment with defaults: no URL, not protected, no rollback, no hooks} */
    public static EnvironmentConfig named(String name) {
        return new EnvironmentConfig(name, null, false, RollbackPolicy.NONE, List.of(), List.of());
    }

    /** {@return a copy with another URL (null for none)} */
    public EnvironmentConfig withUrl(String newUrl) {
        return new EnvironmentConfig(name, newUrl, protectedEnvironment, rollback, hooksBefore, hooksAfter,
                unsetVariable, hooksTimeout);
    }

    /** {@return a copy that is or is not protected} */
    public EnvironmentConfig withProtectedEnvironment(boolean newProtected) {
        return new EnvironmentConfig(name, url, newProtected, rollback, hooksBefore, hooksAfter,
                unsetVariable, hooksTimeout);
    }

    /** {@return a copy with another rollback policy} */
    public EnvironmentConfig withRollback(RollbackPolicy newRollback) {
        return new EnvironmentConfig(name, url, protectedEnvironment, newRollback, hooksBefore, hooksAfter,
                unsetVariable, hooksTimeout);
    }

    /** {@return a copy with other before-hooks} */
    public EnvironmentConfig withHooksBefore(List<String> newHooksBefore) {
        return new EnvironmentConfig(name, url, protectedEnvironment, rollback, newHooksBefore, hooksAfter,
                unsetVariable, hooksTimeout);
    }

    /** {@return a copy whose hooks may each run for {@code timeout}} */
    public EnvironmentConfig withHooksTimeout(Duration timeout) {
        return new EnvironmentConfig(name, url, protectedEnvironment, rollback, hooksBefore, hooksAfter, unsetVariable,
                timeout);
    }

    /** {@return a copy with other after-hooks} */
    public EnvironmentConfig withHooksAfter(List<String> newHooksAfter) {
        return new EnvironmentConfig(name, url, protectedEnvironment, rollback, hooksBefore, newHooksAfter,
                unsetVariable, hooksTimeout);
    }

    /** {@return the fields, with any password in the URL masked} */
    @Override
    public String toString() {
        return "EnvironmentConfig[name=" + name + ", url=" + PasswordRedactor.redact(url)
                + ", protectedEnvironment=" + protectedEnvironment + ", rollback=" + rollback
                + ", hooksBefore=" + hooksBefore + ", hooksAfter=" + hooksAfter + ", unsetVariable=" + unsetVariable
                + ", hooksTimeout=" + hooksTimeout + "]";
    }
}
