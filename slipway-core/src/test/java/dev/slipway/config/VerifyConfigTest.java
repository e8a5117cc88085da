package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.db.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code [verify]} section: read, checked with file and line, and its values parsed. */
class VerifyConfigTest {
    @TempDir
    Path dir;

    private SlipwayConfig load(String... lines) throws IOException {
        Path file = Files.write(dir.resolve("slipway.toml"), List.of(lines));
        return ConfigLoader.load(file, new Environment(Map.of(), dir, "osuser"));
    }

    @Test
    void readsTheSection() throws IOException {
        VerifyConfig verify = load("[verify]",
                "checks_directory = \"db/checks\"",
                "snapshot_directory = \"var/snapshots\"",
                "logical_foreign_keys = [",
                "  \"orders.customer_id -> customers.id\",",
                "  \"sales.Lines.order_id -> \\\"Sales\\\".\\\"Orders\\\".id\",",
                "]",
                "row_count_tolerance = \"2.5%\"",
                "statement_timeout = \"5s\"").verify();

        assertThat(verify.checksDirectory()).isEqualTo(Path.of("db/checks"));
        assertThat(verify.checksConfigured()).isTrue();
        assertThat(verify.snapshotDirectory()).isEqualTo(Path.of("var/snapshots"));
        assertThat(verify.logicalForeignKeys()).extracting(LogicalForeignKey::toString).containsExactly(
                "orders.customer_id -> customers.id", "sales.lines.order_id -> \"Sales\".\"Orders\".id");
        assertThat(verify.rowCountTolerance().allowedLoss(1000)).isEqualTo(25);
        assertThat(verify.statementTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void defaultsWithoutTheSection() throws IOException {
        VerifyConfig verify = load("[migrations]", "locations = [\"db\"]").verify();

        assertThat(verify).isEqualTo(VerifyConfig.defaults());
        assertThat(verify.checksConfigured()).isFalse();
        assertThat(verify.rowCountTolerance().allowedLoss(1000)).isEqualTo(100);
    }

    @Test
    void aBadEntryIsNamedWithFileAndLine() {
        assertThatThrownBy(() -> load("[verify]", "",
                "logical_foreign_keys = [\"orders.customer_id => customers.id\"]"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("slipway.toml:3: verify.logical_foreign_keys:")
                .hasMessageContaining("write it as \"orders.customer_id -> customers.id\"");
        assertThatThrownBy(() -> load("[verify]", "row_count_tolerance = \"ten percent\""))
                .hasMessageContaining("slipway.toml:2: verify.row_count_tolerance:")
                .hasMessageContaining("invalid tolerance 'ten percent'");
        assertThatThrownBy(() -> load("[verify]", "row_count_tolerence = \"10%\""))
                .hasMessageContaining("slipway.toml:2:")
                .hasMessageContaining("did you mean verify.row_count_tolerance?");
    }

    @Test
    void logicalForeignKeysNeedTableAndColumnOnBothSides() {
        assertThatThrownBy(() -> LogicalForeignKey.parse("customer_id -> customers.id"))
                .hasMessageContaining("'customer_id' in 'customer_id -> customers.id' must be table.column");
        assertThatThrownBy(() -> LogicalForeignKey.parse("orders.customer id -> customers.id"))
                .hasMessageContaining("quote such names");
        LogicalForeignKey key = LogicalForeignKey.parse("  Orders.Customer_ID->crm.customers.id ");
        assertThat(key.child()).isEqualTo(new LogicalForeignKey.Column(null, "orders", "customer_id"));
        assertThat(key.parent()).isEqualTo(new LogicalForeignKey.Column("crm", "customers", "id"));
    }

    @Test
    void toleranceIsAShareOrANumberOfRows() {
        assertThat(RowCountTolerance.parse("0%").allowedLoss(1000)).isZero();
        assertThat(RowCountTolerance.parse("500").allowedLoss(1000)).isEqualTo(500);
        assertThat(RowCountTolerance.parse("10 %").toString()).isEqualTo("10%");
        assertThatThrownBy(() -> RowCountTolerance.parse("150%")).hasMessageContaining("above 100%");
    }

    @Test
    void foldersAreResolvedAgainstTheProject() {
        VerifyConfig resolved = VerifyConfig.defaults().resolvedAgainst(dir);

        assertThat(resolved.checksDirectory()).isEqualTo(dir.resolve("checks"));
        assertThat(resolved.snapshotDirectory()).isEqualTo(dir.resolve(".slipway"));
        assertThat(resolved.checksConfigured()).isFalse();
    }
}
