package dev.slipway.lint;

import dev.slipway.sql.SqlCommand;
import dev.slipway.sql.Token;
import dev.slipway.sql.TokenType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Names longer than 63 bytes are cut silently. */
final class IdentifierTooLong implements Rule {
    /** NAMEDATALEN - 1. */
    private static final int MAX_BYTES = 63;

    static final RuleInfo INFO = RuleInfo.of("identifier-too-long", Severity.ADVICE,
            "Names longer than 63 bytes are cut silently",
            "PostgreSQL truncates identifiers to 63 bytes with only a NOTICE: the object gets another name than the"
                    + " migration says, two long names can become the same, and the next migration that uses the"
                    + " full name fails or hits the wrong object.",
            "Use a name of at most 63 bytes.",
            "CREATE INDEX CONCURRENTLY applications_candidate_interview_feedback_submitted_at_status_idx"
                    + " ON applications (candidate_id);\n",
            "CREATE INDEX CONCURRENTLY applications_feedback_submitted_status_idx ON applications (candidate_id);\n")
            .squawk("identifier-too-long");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(SqlCommand command, LintContext context) {
        List<String> verb = command.statement().keywords(1);
        if (verb.isEmpty() || !(verb.get(0).equals("CREATE") || verb.get(0).equals("ALTER"))) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (Token token : command.statement().tokens()) {
            String name = spelled(token);
            if (name != null && name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                findings.add(context.finding(INFO, token, name + " is longer than 63 bytes; PostgreSQL cuts it to "
                        + token.identifier()));
            }
        }
        return findings;
    }

    /** {@return the name an identifier token stands for before truncation, or null for other tokens} */
    private static String spelled(Token token) {
        // a char takes at most 3 bytes in UTF-8 (a surrogate pair 4 for two chars), so 21 chars always fit in 63
        if (token.length() <= MAX_BYTES / 3) return null;
        if (token.type() == TokenType.WORD) return token.text().toLowerCase(Locale.ROOT);
        if (token.type() == TokenType.QUOTED_IDENTIFIER && token.text().startsWith("\"")) {
            return token.text().substring(1, token.text().length() - 1).replace("\"\"", "\"");
        }
        return null;
    }
}
