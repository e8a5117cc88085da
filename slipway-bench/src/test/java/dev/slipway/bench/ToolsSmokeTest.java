package dev.slipway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.embedded.PostgresServer;
import dev.slipway.testkit.PostgresExtension;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Each tool, in this JVM, applies the same 20 generated migrations, leaves the same schema, then has nothing to do. */
@ExtendWith(PostgresExtension.class)
class ToolsSmokeTest {
    private static final int COUNT = 20;

    @Test
    void everyToolAppliesAllMigrationsToTheSameSchemaAndThenNothing(PostgresServer server, @TempDir Path dir)
            throws SQLException {
        Workload workload = Workload.generate(dir, COUNT);
        Map<Tool, Fingerprint> fingerprints = new EnumMap<>(Tool.class);
        for (Tool tool : Tool.values()) {
            String name = "smoke_" + tool.name().toLowerCase(Locale.ROOT);
            TestDatabase database = TestDatabase.create(server, name);
            try {
                DataSource dataSource = database.dataSource();
                assertThat(run(tool, workload, dataSource, Mode.APPLY)).as("%s applied", tool).isEqualTo(COUNT);
                try (Connection connection = database.connect()) {
                    fingerprints.put(tool, Fingerprint.of(connection));
                    if (tool.historyCount() != null) {
                        assertThat(single(connection, tool.historyCount())).as("%s history", tool).isEqualTo(COUNT);
                    }
                }
                assertThat(run(tool, workload, dataSource, Mode.NOOP)).as("%s second run", tool).isZero();
                try (Connection connection = database.connect()) {
                    assertThat(Fingerprint.of(connection)).isEqualTo(fingerprints.get(tool));
                }
            } finally {
                server.dropDatabase(name);
            }
        }
        Fingerprint floor = fingerprints.get(Tool.JDBC);
        assertThat(floor.tables()).isEqualTo(5);
        assertThat(floor.columns()).isEqualTo(5 * 4);
        assertThat(floor.indexes()).isEqualTo(5);
        assertThat(floor.rows()).isEqualTo(15);
        assertThat(fingerprints.values()).allSatisfy(f -> assertThat(f).isEqualTo(floor));
    }

    private static int run(Tool tool, Workload workload, DataSource dataSource, Mode mode) {
        return switch (tool) {
            case SLIPWAY -> SlipwayChild.run(workload, dataSource, Phases.NONE);
            case FLYWAY -> FlywayChild.run(workload, dataSource, Phases.NONE);
            case LIQUIBASE -> LiquibaseChild.run(workload, dataSource, Phases.NONE);
            case JDBC -> JdbcChild.run(workload, dataSource, mode, Phases.NONE);
        };
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
