package dev.slipway.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Slipway;
import dev.slipway.sql.LockMode;
import dev.slipway.sql.QualifiedName;
import dev.slipway.testkit.PostgresServers;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code plan} on the oldest, a middle and the newest supported server: live sizes and estimates on each, and the
 * verdicts that depend on the version follow the server plan is connected to, not a version given offline.
 */
class PlanVersionsTest {
    /** The million-row table is built on one version only; the ranking needs rows, not a million of them. */
    private static final int MILLION_ON = 17;

    @TempDir
    Path migrations;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {12, 14, 17})
    void sizesEstimatesAndVersionDependentVerdictsFollowTheServer(int major) throws Exception {
        TestDatabase db = PostgresServers.newDatabase(major, "planversions" + major);
        long rows = major == MILLION_ON ? 1_000_000 : 100_000;
        try {
            db.execute("create table big (id bigint primary key, email text);"
                    + " insert into big select g, 'user' || g || '@example.com' from generate_series(1, " + rows
                    + ") g;"
                    + " create table empty (id bigint primary key, email text);"
                    + " create table events (at date not null, kind text) partition by range (at);"
                    + " create table events_2024 partition of events for values from ('2024-01-01') to ('2025-01-01');"
                    + " create table scores (id bigint primary key, score text);"
                    + " insert into scores values (1, '10'), (2, '20'), (3, 'n/a');"
                    + " analyze big; analyze empty; analyze scores");
            Files.writeString(migrations.resolve("V1__changes.sql"), """
                    CREATE INDEX empty_email_idx ON empty (email);
                    CREATE INDEX big_email_idx ON big (email);
                    ALTER TABLE events DETACH PARTITION events_2024;
                    ALTER TABLE scores ALTER COLUMN score TYPE integer;
                    """);
            PlanReport plan = Slipway.configure().dataSource(db.dataSource()).locations(migrations.toString()).load()
                    .plan(null, PlanOptions.defaults());

            assertThat(plan.pgMajor()).isEqualTo(major);
            assertThat(plan.server()).startsWith(major + ".");

            PlanReport.Step big = step(plan, "CREATE INDEX big_email_idx");
            PlanReport.Step empty = step(plan, "CREATE INDEX empty_email_idx");
            assertThat(big.locks()).singleElement().satisfies(lock -> {
                assertThat(lock.relation()).isEqualTo(QualifiedName.of("big"));
                assertThat(lock.mode()).isEqualTo(LockMode.SHARE);
                assertThat(lock.size().rows()).isBetween(rows * 9 / 10, rows * 11 / 10);
                assertThat(lock.size().bytes()).isGreaterThan(rows * 30);
            });
            assertThat(empty.locks().get(0).size().rows()).isZero();
            assertThat(big.blocking()).isGreaterThan(empty.blocking());
            assertThat(plan.rankedByBlocking().get(0)).isEqualTo(big);

            Finding detach = step(plan, "ALTER TABLE events DETACH").findings().stream()
                    .filter(f -> f.rule().equals("detach-partition-non-concurrently")).findFirst().orElseThrow();
            if (major >= 14) {
                assertThat(detach.fix()).contains("DETACH PARTITION events_2024 CONCURRENTLY");
            } else {
                assertThat(detach.fix()).contains("PostgreSQL 12 cannot detach concurrently");
            }

            PlanReport.Prediction cast = step(plan, "ALTER TABLE scores ALTER COLUMN score TYPE").predictions()
                    .get(0);
            if (major >= 16) {
                assertThat(cast.outcome()).isEqualTo(PlanReport.Outcome.WILL_FAIL);
                assertThat(cast.count()).isEqualTo(1);
                assertThat(cast.examples()).containsExactly("score=n/a, id=3");
                assertThat(plan.verdict()).isEqualTo(PlanReport.Verdict.UNSAFE);
            } else {
                assertThat(cast.outcome()).isEqualTo(PlanReport.Outcome.NOT_CHECKED);
                assertThat(cast.detail()).contains("PostgreSQL 16");
                assertThat(plan.verdict()).isEqualTo(PlanReport.Verdict.REVIEW);
            }
            assertThat(db.queryLong("select count(*) from pg_indexes where indexname like '%email_idx'"))
                    .as("the plan runs nothing").isZero();
        } finally {
            db.server().dropDatabase(db.name());
        }
    }

    private static PlanReport.Step step(PlanReport plan, String sqlStart) {
        return plan.migrations().stream().flatMap(m -> m.statements().stream())
                .filter(s -> s.sql().startsWith(sqlStart)).findFirst().orElseThrow();
    }
}
