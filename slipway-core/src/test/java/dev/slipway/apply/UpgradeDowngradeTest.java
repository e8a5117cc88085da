package dev.slipway.apply;

import static dev.slipway.apply.MigrationFolder.columns;
import static dev.slipway.apply.MigrationFolder.fileName;
import static dev.slipway.apply.MigrationFolder.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.slipway.ExitStatus;
import dev.slipway.Slipway;
import dev.slipway.SlipwayException;
import dev.slipway.history.AuditEntry;
import dev.slipway.migration.Version;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class UpgradeDowngradeTest {
    private MigrationFolder folder;

    @BeforeEach
    void threeMigrationsWithDowns(TestDatabase db, @TempDir Path dir) {
        db.recreate();
        folder = new MigrationFolder(db, dir)
                .write("V1__create_customers.sql", "create table customers (id bigint primary key, name text);\n")
                .write("U1__create_customers.sql", "drop table customers;\n")
                .write("V2__add_email.sql", "alter table customers add column email text;\n")
                .write("U2__add_email.sql", "alter table customers drop column email;\n")
                .write("V3__create_orders.sql",
                        "create table orders (id bigint primary key, customer_id bigint references customers);\n")
                .write("U3__create_orders.sql", "drop table orders;\n");
    }

    @Test
    void migrateAppliesEveryPendingMigrationAndStatusSaysSo(TestDatabase db) throws SQLException {
        Slipway slipway = folder.load();

        MigrateResult result = slipway.migrate();

        assertThat(result.from()).isNull();
        assertThat(result.to()).isEqualTo(Version.parse("3"));
        assertThat(result.applied()).extracting(a -> fileName(a.script()))
                .containsExactly("V1__create_customers.sql", "V2__add_email.sql", "V3__create_orders.sql");
        assertThat(tables(db)).containsExactly("customers", "orders");
        assertThat(columns(db, "customers")).containsExactly("id", "name", "email");
        StatusReport status = slipway.status();
        assertThat(status.current()).isEqualTo(Version.parse("3"));
        assertThat(status.entries()).extracting(e -> fileName(e.script()), StatusEntry::state).containsExactly(
                tuple("V1__create_customers.sql", PendingState.APPLIED),
                tuple("V2__add_email.sql", PendingState.APPLIED),
                tuple("V3__create_orders.sql", PendingState.APPLIED));
        assertThat(status.pending()).isEmpty();
        assertThat(slipway.migrate().applied()).as("a second run has nothing to do").isEmpty();
    }

    @Test
    void migrateToATargetStopsThere(TestDatabase db) throws SQLException {
        Slipway slipway = folder.load();

        MigrateResult result = slipway.migrate(Version.parse("2"));

        assertThat(result.to()).isEqualTo(Version.parse("2"));
        assertThat(tables(db)).containsExactly("customers");
        assertThat(columns(db, "customers")).contains("email");
        assertThat(slipway.status().pending()).extracting(e -> fileName(e.script()))
                .containsExactly("V3__create_orders.sql");
    }

    @Test
    void downgradeOneStepRevertsOnlyTheNewest(TestDatabase db) throws SQLException {
        Slipway slipway = folder.load();
        slipway.migrate();

        DowngradeResult result = slipway.downgrade(new DowngradeTarget.Steps(1));

        assertThat(result.from()).isEqualTo(Version.parse("3"));
        assertThat(result.to()).isEqualTo(Version.parse("2"));
        assertThat(result.reverted()).extracting(a -> fileName(a.script())).containsExactly("U3__create_orders.sql");
        assertThat(tables(db)).containsExactly("customers");
        assertThat(columns(db, "customers")).containsExactly("id", "name", "email");
        StatusReport status = slipway.status();
        assertThat(status.current()).isEqualTo(Version.parse("2"));
        assertThat(status.pending()).extracting(e -> fileName(e.script()), StatusEntry::state)
                .containsExactly(tuple("V3__create_orders.sql", PendingState.PENDING));
    }

    @Test
    void downgradeToAVersionRevertsEverythingAboveIt(TestDatabase db) throws SQLException {
        Slipway slipway = folder.load();
        slipway.migrate();

        DowngradeResult result = slipway.downgrade(new DowngradeTarget.To(Version.parse("1")));

        assertThat(result.reverted()).extracting(AppliedMigration::version)
                .containsExactly(Version.parse("3"), Version.parse("2"));
        assertThat(result.to()).isEqualTo(Version.parse("1"));
        assertThat(tables(db)).containsExactly("customers");
        assertThat(columns(db, "customers")).containsExactly("id", "name");
        assertThat(slipway.status().current()).isEqualTo(Version.parse("1"));
    }

    @Test
    void downgradeToTheBaseAndBackUpAgain(TestDatabase db) throws SQLException {
        Slipway slipway = folder.load();
        slipway.migrate();

        DowngradeResult down = slipway.downgrade(new DowngradeTarget.Base());

        assertThat(down.to()).isNull();
        assertThat(tables(db)).isEmpty();
        assertThat(slipway.status().current()).isNull();
        assertThat(slipway.status().pending()).hasSize(3);

        MigrateResult up = slipway.migrate();

        assertThat(up.applied()).hasSize(3);
        assertThat(tables(db)).containsExactly("customers", "orders");
        assertThat(columns(db, "customers")).containsExactly("id", "name", "email");
        List<AuditEntry> audit = slipway.history();
        assertThat(audit).extracting(AuditEntry::action, AuditEntry::version, AuditEntry::outcome).containsExactly(
                tuple("apply", "1", "success"), tuple("apply", "2", "success"), tuple("apply", "3", "success"),
                tuple("revert", "3", "success"), tuple("revert", "2", "success"), tuple("revert", "1", "success"),
                tuple("apply", "1", "success"), tuple("apply", "2", "success"), tuple("apply", "3", "success"));
        assertThat(fileName(audit.get(3).script())).isEqualTo("U3__create_orders.sql");
    }

    @Test
    void downgradeFurtherThanWhatIsAppliedChangesNothing(TestDatabase db) throws SQLException {
        Slipway slipway = folder.load();
        slipway.migrate(Version.parse("1"));

        assertThatThrownBy(() -> slipway.downgrade(new DowngradeTarget.Steps(2)))
                .isInstanceOf(SlipwayException.class)
                .hasMessageContaining("only 1 applied")
                .hasMessageContaining("next: ")
                .extracting(e -> ((SlipwayException) e).status()).isEqualTo(ExitStatus.USAGE);
        assertThat(tables(db)).containsExactly("customers");
    }

    @Test
    void aMigrationWithoutADownStopsTheDowngradeBeforeItRevertsAnything(TestDatabase db) throws SQLException {
        folder.delete("U2__add_email.sql");
        Slipway slipway = folder.load();
        slipway.migrate();

        assertThatThrownBy(() -> slipway.downgrade(new DowngradeTarget.Base()))
                .isInstanceOf(SlipwayException.class)
                .hasMessageContaining("V2__add_email.sql")
                .hasMessageContaining("has no down migration")
                .hasMessageContaining("U2__add_email.sql");
        assertThat(tables(db)).as("V3 was not reverted either").containsExactly("customers", "orders");
        assertThat(slipway.status().current()).isEqualTo(Version.parse("3"));
    }
}
