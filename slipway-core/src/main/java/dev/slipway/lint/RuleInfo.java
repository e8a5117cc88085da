package dev.slipway.lint;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a lint rule is about, for findings, {@code docs/rules/} pages and SARIF rule descriptions.
 *
 * @param id               the rule's id, as in {@code -- slipway:allow <id> because <reason>}
 * @param severity         how much a finding of this rule matters
 * @param title            a one-line summary
 * @param whatHappens      what PostgreSQL does: the lock it takes, whether it rewrites or scans, who is blocked
 * @param fix              the safe alternative
 * @param bad              a migration this rule flags
 * @param good             the safe rewrite of {@code bad}, which this rule does not flag
 * @param squawk           the ids of squawk rules that judge the same thing; empty when squawk has none
 * @param squawkDifference where and why this rule judges differently from those squawk rules; empty when it does not
 * @param examplePgMajor   the PostgreSQL major version the examples are judged for; 0 for the default
 *                         ({@link LintOptions#DEFAULT_PG_MAJOR})
 */
public record RuleInfo(String id, Severity severity, String title, String whatHappens, String fix, String bad,
                       String good, List<String> squawk, String squawkDifference, int examplePgMajor) {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Checks that every part is present and the id is lower-case words joined by hyphens. */
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) throw new IllegalArgumentException("bad rule id '" + id + "'");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(whatHappens, "whatHappens");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(bad, "bad");
        Objects.requireNonNull(good, "good");
        squawk = List.copyOf(squawk);
        Objects.requireNonNull(squawkDifference, "squawkDifference");
        if (examplePgMajor < 0) throw new IllegalArgumentException("bad example version " + examplePgMajor);
    }

    /** {@return a rule without a squawk counterpart} */
    static RuleInfo of(String id, Severity severity, String title, String whatHappens, String fix, String bad,
            String good) {
        return new RuleInfo(id, severity, title, whatHappens, fix, bad, good, List.of(), "", 0);
    }

    /** {@return a copy that names the squawk rules judging the same thing} */
    RuleInfo squawk(String... squawkRules) {
        return new RuleInfo(id, severity, title, whatHappens, fix, bad, good, List.of(squawkRules), squawkDifference,
                examplePgMajor);
    }

    /** {@return a copy that says where and why this rule judges differently from squawk} */
    RuleInfo differs(String difference) {
        return new RuleInfo(id, severity, title, whatHappens, fix, bad, good, squawk, difference, examplePgMajor);
    }

    /** {@return a copy whose examples are judged for PostgreSQL {@code major}, for rules that depend on it} */
    RuleInfo examplesOn(int major) {
        return new RuleInfo(id, severity, title, whatHappens, fix, bad, good, squawk, squawkDifference, major);
    }
}
