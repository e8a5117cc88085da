package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import java.util.List;

/**
 * One lint rule: judges each statement of a migration in the context of the statements before it. Implementations
 * are stateless (what they need to remember lives in {@link LintContext}) and therefore thread-safe.
 */
public interface Rule {

    /** {@return what the rule is about} */
    RuleInfo info();

    /**
     * Judges one statement.
     *
     * @param command the statement
     * @param context what is known at this point of the migration
     * @return the findings; empty when the statement is fine
     */
    List<Finding> check(SqlCommand command, LintContext context);

    /**
     * Judges the migration as a whole once every statement was seen, for rules about what a file leaves undone.
     *
     * @param context what is known at the end of the migration
     * @return the findings; empty by default
     */
    default List<Finding> atEnd(LintContext context) {
        return List.of();
    }
}
