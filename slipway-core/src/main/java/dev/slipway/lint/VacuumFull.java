package dev.slipway.lint;

import dev.slipway.sql.QualifiedName;
import dev.slipway.sql.SqlCommand;
import java.util.List;
import java.util.stream.Collectors;

/** {@code VACUUM FULL} rewrites each table under {@code ACCESS EXCLUSIVE}. */
final class VacuumFull implements Rule {
    static final RuleInfo INFO = RuleInfo.of("vacuum-full", Severity.WARNING,
            "VACUUM FULL rewrites the table while blocking reads and writes",
            "VACUUM FULL copies the table into new files and rebuilds its indexes under an ACCESS EXCLUSIVE lock:"
                    + " reads and writes wait for the whole copy, and it needs room for a second copy of the table.",
            "Use plain VACUUM (no blocking lock) and let space be reused, or compact online with the pg_repack"
                    + " extension (or REPACK ... CONCURRENTLY where the server has it).",
            "VACUUM FULL events;\n",
            "VACUUM (ANALYZE) events;\n")
            .squawk("prefer-repack")
            .differs("squawk's prefer-repack fires only for PostgreSQL 19+, where it can point at REPACK; VACUUM FULL"
                    + " blocks reads and writes on every version, so it is flagged here on every version.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        if (!(command instanceof SqlCommand.Vacuum vacuum) || !vacuum.full()) return List.of();
        String tables = vacuum.tables().isEmpty() ? "every table of the database"
                : vacuum.tables().stream().map(QualifiedName::toString).collect(Collectors.joining(", "));
        return List.of(context.finding(INFO, vacuum.statement().tokens().get(0), "VACUUM FULL rewrites " + tables
                + " under an ACCESS EXCLUSIVE lock, blocking reads and writes for the whole rewrite"));
    }
}
