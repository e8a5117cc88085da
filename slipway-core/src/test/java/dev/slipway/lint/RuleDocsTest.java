package dev.slipway.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/rules holds one page per rule and an index, written from the catalogue. Run with
 * {@code -Dslipway.writeDocs=true} to rewrite them after changing a rule.
 */
class RuleDocsTest {
    private static final Path DOCS = Path.of("..", "docs", "rules");

    @Test
    void everyRuleHasItsPageAndThePagesMatchTheCatalogue() throws IOException {
        boolean write = Boolean.getBoolean("slipway.writeDocs");
        if (write) Files.createDirectories(DOCS);
        for (RuleInfo rule : Rules.infos()) {
            check(DOCS.resolve(rule.id() + ".md"), RuleDocs.page(rule), write);
        }
        check(DOCS.resolve("README.md"), RuleDocs.index(), write);
        Set<String> pages = new TreeSet<>();
        try (Stream<Path> files = Files.list(DOCS)) {
            files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")).forEach(pages::add);
        }
        Set<String> expected = new TreeSet<>();
        Rules.ids().forEach(id -> expected.add(id + ".md"));
        assertThat(pages).as("pages of rules that no longer exist").isEqualTo(expected);
    }

    @Test
    void aPageShowsSeverityExamplesSquawkAndHowToAccept() {
        String page = RuleDocs.page(Rules.info("cluster").orElseThrow());
        assertThat(page).contains("# cluster", "**warning** · squawk: `prefer-repack`", "## Flagged",
                "CLUSTER events USING events_created_at_idx;", "differently on purpose",
                "-- slipway:allow cluster because <reason>");
        assertThat(RuleDocs.index()).contains("| [drop-table](drop-table.md) | error | `ban-drop-table` |",
                "`require-lock-timeout`: Slipway's runner sets lock_timeout");
    }

    private static void check(Path file, String content, boolean write) throws IOException {
        if (write) Files.writeString(file, content);
        assertThat(file).as(file + " is missing; run the test with -Dslipway.writeDocs=true").exists();
        assertThat(Files.readString(file)).as(file + " is out of date; run the test with -Dslipway.writeDocs=true")
                .isEqualTo(content);
    }
}
