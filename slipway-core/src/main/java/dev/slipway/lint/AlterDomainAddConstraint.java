package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import java.util.List;

/** {@code ALTER DOMAIN ... ADD CONSTRAINT} checks every column of the domain in every table. */
final class AlterDomainAddConstraint implements Rule {
    static final RuleInfo INFO = RuleInfo.of("alter-domain-add-constraint", Severity.WARNING,
            "ALTER DOMAIN ... ADD CONSTRAINT checks every table that uses the domain",
            "Adding a constraint to a domain checks every column of that domain in every table, holding a lock"
                    + " that blocks writes to each of them for the scan; with NOT VALID the later VALIDATE still"
                    + " scans them all under that lock. Domain constraints cannot be changed online.",
            "Put the constraint on the columns instead (ALTER TABLE ... ADD CONSTRAINT ... CHECK ... NOT VALID, then"
                    + " VALIDATE CONSTRAINT), which can be added without blocking.",
            "ALTER DOMAIN positive_amount ADD CONSTRAINT positive CHECK (VALUE > 0);\n",
            "ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID;\n")
            .squawk("ban-alter-domain-with-add-constraint");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.AlterDomain domain) || !domain.addsConstraint()) return List.of();
        return List.of(context.finding(INFO, domain.statement().tokens().get(0), "adding a constraint to domain "
                + domain.domain() + " scans every column of that domain in every table while blocking writes to"
                + " them" + (domain.notValid() ? " (NOT VALID only moves that scan to VALIDATE)" : "")));
    }
}
