package dev.slipway.backup;

import dev.slipway.SlipwayException;
import dev.slipway.config.BackupFormat;
import dev.slipway.db.ConnectionFactory;
import dev.slipway.db.ConnectionSpec;
import dev.slipway.db.ServerVersion;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code --verify-restore}: restores a fresh dump into a scratch database on the same server and compares every
 * table's row count with the count in the dump's snapshot. The scratch database is dropped afterwards, whatever
 * happened. Not thread-safe.
 */
final class ScratchRestore {
    private final BackupContext context;
    private final ConnectionSpec spec;
    private final ClientEnvironment environment;
    private final BackupListener listener;

    ScratchRestore(BackupContext context, ConnectionSpec spec, ClientEnvironment environment,
            BackupListener listener) {
        this.context = context;
        this.spec = spec;
        this.environment = environment;
        this.listener = listener;
    }

    /**
     * Restores {@code archive} into a scratch database and compares row counts.
     *
     * @param expected the tables with their row counts in the dump's snapshot
     * @throws SlipwayException when the restore fails or a count differs
     */
    void verify(ClientTool pgRestore, Path archive, BackupFormat format, int jobs, List<BackupTable> expected,
            ServerVersion server) {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String scratch = "slipway_verify_" + HexFormat.of().formatHex(random);
        String nothingKept = "not touched; no backup was kept; the scratch database " + scratch + " was dropped";
        ConnectionFactory target = context.connections();
        try (Connection connection = target.open(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + BackupTable.quote(scratch) + " template template0");
            try {
                listener.on(new BackupEvent.Step("restoring the dump into the scratch database " + scratch));
                ToolRun run = ToolRun.start(pgRestore, Restorer.arguments(format, jobs, false,
                        spec.withDatabase(scratch).libpqUri(), archive), environment, false);
                int exitCode = run.await();
                if (exitCode != 0) {
                    throw SlipwayException.failed("the dump could not be restored into a scratch database: "
                            + run.failure(exitCode), nothingKept, "fix the cause and run `slipway backup"
                            + " --verify-restore` again", null);
                }
                compare(expected, scratch, nothingKept);
            } finally {
                drop(statement, scratch, server);
            }
        } catch (SQLException e) {
            throw SlipwayException.failed("could not verify the dump in a scratch database: " + e.getMessage()
                    + " (the user needs the CREATEDB privilege)", "not touched; no backup was kept",
                    "grant CREATEDB, or back up without --verify-restore", e);
        }
    }

    private void compare(List<BackupTable> expected, String scratch, String nothingKept) throws SQLException {
        List<BackupTable> restored;
        try (Connection copy = ConnectionFactory.of(spec.withDatabase(scratch), "slipway backup").open()) {
            restored = Tables.count(copy, expected);
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).rows().equals(restored.get(i).rows())) {
                differences.add(expected.get(i).displayName() + ": " + expected.get(i).rows() + " rows in the"
                        + " database, " + restored.get(i).rows() + " in the restored copy");
            }
        }
        if (!differences.isEmpty()) {
            throw SlipwayException.failed("the restored copy of the dump differs from the database:\n    "
                    + String.join("\n    ", differences), nothingKept, "run `slipway backup --verify-restore`"
                    + " again; if it differs again, report it", null);
        }
        listener.on(new BackupEvent.Step("verified: " + expected.size() + " tables have the same row counts in the"
                + " restored copy"));
    }

    private static void drop(Statement statement, String scratch, ServerVersion server) throws SQLException {
        if (server.atLeast(13)) {
            statement.execute("drop database if exists " + BackupTable.quote(scratch) + " with (force)");
        } else {
            statement.execute("select pg_catalog.pg_terminate_backend(pid) from pg_catalog.pg_stat_activity"
                    + " where datname = '" + scratch + "'");
            statement.execute("drop database if exists " + BackupTable.quote(scratch));
        }
    }
}
