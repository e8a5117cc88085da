package dev.slipway.lint;

/**
 * Problems with a file as a whole rather than with a statement: SQL that cannot be split and directives that cannot
 * be read. The {@link Linter} reports them itself; they are listed here so they have ids and pages like every rule.
 */
final class FileRules {
    static final RuleInfo SQL_SYNTAX = RuleInfo.of("sql-syntax", Severity.ERROR,
            "The file cannot be split into statements",
            "An unterminated quote, dollar quote or block comment, or a psql meta-command such as \\connect, means"
                    + " Slipway cannot tell where statements end; the server would reject the file or run something"
                    + " else than intended. Nothing in the file is judged further.",
            "Close the quote or comment at the reported position; remove psql commands (Slipway sends each"
                    + " statement to the server itself).",
            "UPDATE users SET note = 'it''s fine;\n",
            "UPDATE users SET note = 'it''s fine' WHERE id = 1;\n");

    static final RuleInfo INVALID_DIRECTIVE = RuleInfo.of("invalid-directive", Severity.ERROR,
            "A slipway: comment that Slipway cannot obey",
            "A misspelt or misplaced directive would be silently ignored by other tools; Slipway refuses to run the"
                    + " file, because a lost no-transaction or batch directive changes how it runs in production,"
                    + " and an allow directive for an unknown rule hides nothing.",
            "Spell the directive as documented: no-transaction (above the first statement), lock-timeout <d>,"
                    + " statement-timeout <d>, allow <rule> because <reason> (with a rule id from docs/rules),"
                    + " batch key=<column> (directly above an UPDATE or DELETE).",
            "-- slipway:allow drop-tabel because the table was replaced by orders_v2 in release 41\n"
                    + "DROP TABLE orders;\n",
            "-- slipway:allow drop-table because the table was replaced by orders_v2 in release 41\n"
                    + "DROP TABLE orders;\n");

    private FileRules() {
    }
}
