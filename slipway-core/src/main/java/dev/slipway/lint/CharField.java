package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code char(n)} pads with blanks and is no faster than text. */
final class CharField implements Rule {
    static final RuleInfo INFO = RuleInfo.of("char-field", Severity.ADVICE,
            "Use text instead of char(n)",
            "char(n) (character, bpchar) pads values with blanks to n characters and ignores trailing blanks in"
                    + " comparisons, which surprises code that compares or concatenates; it is stored like text and"
                    + " is no faster. char without (n) holds one character.",
            "Use text (with a CHECK on the length where it matters).",
            "CREATE TABLE countries (code char(2) NOT NULL);\n",
            "CREATE TABLE countries (code text NOT NULL CHECK (length(code) = 2));\n")
            .squawk("ban-char-field");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        List<Finding> findings = new ArrayList<>();
        for (DeclaredColumns.Declared declared : context.declaredColumns(command)) {
            if (declared.type().canonical().equals("character")) {
                findings.add(context.finding(INFO, declared.type().at(), declared.name() + " is " + declared.type()
                        + ", which pads values with blanks", "use text"));
            }
        }
        return findings;
    }
}
