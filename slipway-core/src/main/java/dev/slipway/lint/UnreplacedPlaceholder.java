package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ${name}} in SQL code is a Flyway placeholder that nothing replaced: PostgreSQL cannot run it. Slipway
 * replaces placeholders only when some are defined, and then refuses one without a value, so the one left to find
 * is the project that defines none (a Flyway project whose {@code flyway.placeholders} did not move along).
 */
final class UnreplacedPlaceholder implements Rule {
    static final RuleInfo INFO = RuleInfo.of("unreplaced-placeholder", Severity.ERROR,
            "A Flyway placeholder with no value",
            "${name} in a migration is a Flyway placeholder. Slipway replaces placeholders when"
                    + " [migrations.placeholders] defines any; with none defined the text reaches PostgreSQL as it is"
                    + " and the statement fails with a syntax error at the $.",
            "Define the placeholder under [migrations.placeholders] in slipway.toml (or set"
                    + " SLIPWAY_PLACEHOLDERS_<NAME>), or write its value into the migration.",
            "CREATE TABLE ${schema}.users (id bigint PRIMARY KEY);\n",
            "-- slipway.toml: [migrations.placeholders] schema = \"app\"\nCREATE TABLE app.users (id bigint PRIMARY"
                    + " KEY);\n");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        List<Token> tokens = command.statement().tokens();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token dollar = tokens.get(i);
            Token brace = tokens.get(i + 1);
            // a $ that starts neither a parameter nor a dollar quote, right before a brace: ${
            if (!dollar.text().equals("$") || !brace.text().equals("{") || brace.offset() != dollar.endOffset()) {
                continue;
            }
            findings.add(context.finding(INFO, dollar, "${" + nameAfter(tokens, i + 2) + "} is a placeholder"
                    + " that nothing replaces: no placeholders are defined"));
        }
        return findings;
    }

    /** {@return the text of the tokens from {@code from} up to the closing brace} */
    private static String nameAfter(List<Token> tokens, int from) {
        StringBuilder name = new StringBuilder();
        for (int i = from; i < tokens.size() && !tokens.get(i).text().equals("}"); i++) {
            name.append(tokens.get(i).text());
        }
        return name.toString();
    }
}
