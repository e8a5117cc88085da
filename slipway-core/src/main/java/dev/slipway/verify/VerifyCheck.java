package dev.slipway.verify;

import java.sql.SQLException;
import java.util.List;

/**
 * One kind of verification, run by the {@link Verifier} on the target database. The built-in kinds are the
 * revision, smoke, and integrity checks; others (such as a schema drift check) come in through
 * {@link VerifyOptions#withCheck(VerifyCheck)}.
 * <p>Implementations read only, through {@link VerifyContext#session()}, whose queries run in read-only transactions
 * with the configured statement timeout.
 */
public interface VerifyCheck {
    /** {@return the name {@code --only} selects it by: lower case, words joined by {@code -}} */
    String name();

    /**
     * {@return what it found, one result or several (one per smoke query, per logical foreign key, ...)}
     *
     * @throws SQLException when it could not run; the verifier records that as a failed result of this check
     */
    List<CheckResult> run(VerifyContext context) throws SQLException;
}
