package dev.slipway.lint;

import java.util.List;
import java.util.Map;

/**
 * The parts of a SARIF 2.1.0 log (the format GitHub code scanning reads) that lint findings need, as records a JSON
 * mapper writes as they are. A log is {@code {"$schema", "version", "runs": [{"tool": {"driver": ...}, "results":
 * [...]}]}}; the command line streams the results one file at a time.
 * See <a href="https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html">the SARIF 2.1.0 standard</a>.
 */
public final class Sarif {
    /** The schema a SARIF 2.1.0 log names. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The SARIF version. */
    public static final String VERSION = "2.1.0";

    private Sarif() {
    }

    /**
     * A text in a SARIF object.
     *
     * @param text the plain text
     */
    public record Message(String text) {
    }

    /**
     * Help for a rule, in plain text and Markdown.
     *
     * @param text     plain text
     * @param markdown the same in Markdown
     */
    public record Help(String text, String markdown) {
    }

    /**
     * A rule's default level.
     *
     * @param level {@code error}, {@code warning} or {@code note}
     */
    public record Configuration(String level) {
    }

    /**
     * A {@code reportingDescriptor}: one rule in {@code tool.driver.rules}.
     *
     * @param id                   the rule id
     * @param name                 the rule id in words, for viewers that show a name
     * @param shortDescription     the rule's title
     * @param fullDescription      what PostgreSQL does
     * @param help                 the safe alternative and the examples
     * @param defaultConfiguration the level of its findings
     * @param properties           the severity in Slipway's words and the page in {@code docs/rules}
     */
    public record Rule(String id, String name, Message shortDescription, Message fullDescription, Help help,
                       Configuration defaultConfiguration, Map<String, String> properties) {
    }

    /**
     * A {@code region}: where in the file.
     *
     * @param startLine   1-based line
     * @param startColumn 1-based column
     */
    public record Region(int startLine, int startColumn) {
    }

    /**
     * An {@code artifactLocation}.
     *
     * @param uri the file, relative to the repository root where possible, with {@code /} separators
     */
    public record ArtifactLocation(String uri) {
    }

    /**
     * A {@code physicalLocation}.
     *
     * @param artifactLocation the file
     * @param region           the place in it
     */
    public record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    /**
     * A {@code location}.
     *
     * @param physicalLocation the file and place
     */
    public record Location(PhysicalLocation physicalLocation) {
    }

    /**
     * A {@code suppression}: an allow directive in the source.
     *
     * @param kind          always {@code inSource}
     * @param justification the reason the directive gives
     */
    public record Suppression(String kind, String justification) {
    }

    /**
     * A {@code result}: one finding.
     *
     * @param ruleId       the rule id
     * @param ruleIndex    the rule's index in {@code tool.driver.rules}
     * @param level        {@code error}, {@code warning} or {@code note}
     * @param message      what PostgreSQL will do here, and the fix
     * @param locations    where
     * @param suppressions the allow directive that accepted it; empty when none did
     */
    public record Result(String ruleId, int ruleIndex, String level, Message message, List<Location> locations,
                         List<Suppression> suppressions) {
    }

    /** {@return the SARIF level of a severity: error, warning, or note for advice} */
    public static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case ADVICE -> "note";
        };
    }

    /** {@return every rule of the catalogue as SARIF rules, in the order {@link #result} indexes them} */
    public static List<Rule> rules() {
        return Rules.infos().stream().map(Sarif::rule).toList();
    }

    private static Rule rule(RuleInfo info) {
        String markdown = info.fix() + "\n\nFlagged:\n\n```sql\n" + info.bad() + "```\n\nSafe:\n\n```sql\n"
                + info.good() + "```\n";
        return new Rule(info.id(), info.id(), new Message(info.title()), new Message(info.whatHappens()),
                new Help(info.fix(), markdown), new Configuration(level(info.severity())),
                Map.of("severity", info.severity().id(), "docs", "docs/rules/" + info.id() + ".md"));
    }

    /**
     * {@return a finding as a SARIF result}
     * @param finding the finding
     * @param uri     the finding's file as the log should name it
     */
    public static Result result(Finding finding, String uri) {
        int index = Rules.ids().indexOf(finding.rule());
        List<Suppression> suppressions = finding.allowed()
                ? List.of(new Suppression("inSource", finding.allowedBecause())) : List.of();
        return new Result(finding.rule(), index, level(finding.severity()),
                new Message(finding.message() + ". Fix: " + finding.fix()),
                List.of(new Location(new PhysicalLocation(new ArtifactLocation(uri),
                        new Region(finding.line(), finding.column())))), suppressions);
    }
}
