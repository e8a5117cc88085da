package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import java.util.List;

/** Domain constraints cannot be changed online later. */
final class CreateDomainWithConstraint implements Rule {
    static final RuleInfo INFO = RuleInfo.of("create-domain-with-constraint", Severity.ADVICE,
            "Constraints on a domain cannot be changed online later",
            "A CHECK or NOT NULL on a domain applies to every column of that type in every table. Changing it later"
                    + " (ALTER DOMAIN ... ADD CONSTRAINT) checks all those columns while blocking writes to their"
                    + " tables, and dropping the domain from a column rewrites the table.",
            "Use a domain without constraints (or the base type) and put the constraints on the columns, where they"
                    + " can be added NOT VALID and validated online.",
            "CREATE DOMAIN positive_amount AS numeric(12, 2) CHECK (VALUE > 0);\n",
            "CREATE DOMAIN amount AS numeric(12, 2);\n")
            .squawk("ban-create-domain-with-constraint");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.CreateDomain domain) || !domain.constrained()) return List.of();
        return List.of(context.finding(INFO, domain.statement().tokens().get(0), "domain " + domain.domain()
                + " carries a constraint; changing it later checks every column of the domain in every table"));
    }
}
