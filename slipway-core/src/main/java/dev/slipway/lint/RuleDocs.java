package dev.slipway.lint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code docs/rules/} pages, written from the catalogue so that the documentation says exactly what the rules
 * do: one page per rule with a flagged and a safe example, and an index that also lists the squawk rules Slipway
 * leaves out and why. Stateless.
 */
public final class RuleDocs {
    private static final Map<String, String> NOT_SHARED = notShared();

    private RuleDocs() {
    }

    /**
     * {@return the squawk rules no Slipway rule shares, each with the reason}
     */
    public static Map<String, String> squawkRulesNotShared() {
        return NOT_SHARED;
    }

    private static Map<String, String> notShared() {
        Map<String, String> reasons = new LinkedHashMap<>();
        String timeouts = "Slipway's runner sets lock_timeout (retrying a statement that hits it) and"
                + " statement_timeout itself for every statement (see [safety] in slipway.toml and the"
                + " lock-timeout/statement-timeout directives), so a migration need not.";
        reasons.put("require-timeout-settings", timeouts);
        reasons.put("require-lock-timeout", timeouts);
        reasons.put("require-statement-timeout", timeouts);
        reasons.put("prefer-robust-stmts", "Slipway runs a file in one transaction, or, when it cannot, records each"
                + " statement as it commits and resumes after the last one on a re-run; IF NOT EXISTS / IF EXISTS"
                + " would only hide a schema that is not what the history says.");
        reasons.put("ban-drop-not-null", "DROP NOT NULL takes a brief lock, loses no data and is the first step of"
                + " removing a column safely; flagging it would flag the safe path.");
        reasons.put("require-table-schema", "Which schema an unqualified name lands in is the project's choice"
                + " (search_path); it neither locks nor loses data.");
        reasons.put("require-enum-value-ordering", "Appending an enum value is the usual intent; the order matters"
                + " only to code that sorts by the enum, which a linter cannot see.");
        return Collections.unmodifiableMap(reasons);
    }

    /** {@return the Markdown page of one rule} */
    public static String page(RuleInfo rule) {
        StringBuilder page = new StringBuilder();
        page.append("# ").append(rule.id()).append("\n\n");
        page.append("**").append(rule.severity().id()).append("**");
        if (!rule.squawk().isEmpty()) {
            page.append(" · squawk: ").append(rule.squawk().stream().map(id -> "`" + id + "`")
                    .collect(Collectors.joining(", ")));
        }
        page.append("\n\n").append(rule.title()).append(".\n\n");
        page.append("## What happens in PostgreSQL\n\n").append(rule.whatHappens()).append("\n\n");
        page.append("## Safe alternative\n\n").append(rule.fix()).append("\n\n");
        String on = rule.examplePgMajor() == 0 ? "" : " (on PostgreSQL " + rule.examplePgMajor() + ")";
        page.append("## Flagged").append(on).append("\n\n```sql\n").append(rule.bad()).append("```\n\n");
        page.append("## Not flagged").append(on).append("\n\n```sql\n").append(rule.good()).append("```\n\n");
        page.append("## Compared with squawk\n\n");
        if (rule.squawk().isEmpty()) {
            page.append("squawk has no rule for this.\n\n");
        } else if (rule.squawkDifference().isEmpty()) {
            page.append("Judges what squawk's ").append(names(rule)).append(" judges, with the same verdict on"
                    + " squawk's own test cases.\n\n");
        } else {
            page.append("Judges what squawk's ").append(names(rule)).append(" judges, differently on purpose: ")
                    .append(rule.squawkDifference()).append("\n\n");
        }
        page.append("## Accepting it\n\n").append("When the finding is understood and accepted, say why above the"
                + " statement (or above the first statement, for the whole file):\n\n```sql\n-- slipway:allow ")
                .append(rule.id()).append(" because <reason>\n```\n\nThe reason is shown by `slipway lint` and"
                        + " `slipway plan`, and kept in SARIF as a suppression.\n");
        return page.toString();
    }

    /** {@return the Markdown index of every rule and of the squawk rules left out} */
    public static String index() {
        StringBuilder index = new StringBuilder();
        index.append("# Lint rules\n\n");
        index.append("`slipway lint` and `slipway plan` judge each statement of a migration with these rules, in the"
                + " context Slipway creates: a file runs as one transaction unless it says"
                + " `-- slipway:no-transaction`, a table created earlier in the same migration is new and empty,"
                + " and (for `plan`) the live size of each table is known. Severities follow the lint stance of"
                + " DESIGN.md: **error** will fail or lose data, **warning** blocks reads or writes on an existing"
                + " table beyond a moment or breaks running code, **advice** is style that prevents future"
                + " trouble.\n\n");
        index.append("This page and the rule pages are written from the rule catalogue"
                + " (`dev.slipway.lint.Rules`); a test fails when they drift apart.\n\n");
        index.append("| rule | severity | squawk | what |\n|---|---|---|---|\n");
        for (RuleInfo rule : Rules.infos()) {
            index.append("| [").append(rule.id()).append("](").append(rule.id()).append(".md) | ")
                    .append(rule.severity().id()).append(" | ")
                    .append(rule.squawk().isEmpty() ? "" : rule.squawk().stream().map(id -> "`" + id + "`")
                            .collect(Collectors.joining(", ")))
                    .append(rule.squawkDifference().isEmpty() ? "" : " (differs)").append(" | ")
                    .append(rule.title()).append(" |\n");
        }
        index.append("\n## squawk rules Slipway leaves out\n\n");
        for (Map.Entry<String, String> entry : NOT_SHARED.entrySet()) {
            index.append("- `").append(entry.getKey()).append("`: ").append(entry.getValue()).append("\n");
        }
        return index.toString();
    }

    private static String names(RuleInfo rule) {
        return rule.squawk().stream().map(id -> "`" + id + "`").collect(Collectors.joining(" and "));
    }
}
