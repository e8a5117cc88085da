package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** 16-bit integer columns run out very soon. */
final class PreferBigintOverSmallint implements Rule {
    static final RuleInfo INFO = RuleInfo.of("prefer-bigint-over-smallint", Severity.ADVICE,
            "smallint and smallserial columns run out at 32,767",
            "A 16-bit integer column (smallint, int2, smallserial) stops at 32,767; widening it later rewrites the"
                    + " table under an ACCESS EXCLUSIVE lock, and the bytes saved are usually lost to alignment.",
            "Use bigint, or integer where the range is truly bounded.",
            "CREATE TABLE plans (id smallserial PRIMARY KEY, seats smallint);\n",
            "CREATE TABLE plans (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, seats bigint);\n")
            .squawk("prefer-bigint-over-smallint");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        List<Finding> findings = new ArrayList<>();
        for (DeclaredColumns.Declared declared : context.declaredColumns(command)) {
            String type = declared.type().canonical();
            if (!declared.type().array() && (type.equals("smallint") || type.equals("smallserial"))) {
                findings.add(context.finding(INFO, declared.type().at(), declared.name() + " is " + declared.type()
                        + ", which stops at 32,767"));
            }
        }
        return findings;
    }
}
