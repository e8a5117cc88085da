package dev.slipway.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an archive's table of contents with {@code pg_restore --list}: proof that the archive is readable, and the
 * list of tables whose rows it holds ({@code TABLE DATA} entries). Stateless.
 */
final class ArchiveToc {
    private static final String TABLE_DATA = " TABLE DATA ";

    private ArchiveToc() {
    }

    /**
     * The outcome of listing an archive.
     *
     * @param exitCode  {@code pg_restore}'s exit code; 0 when it read the archive
     * @param tableData the {@code "<schema> <name> <owner>"} part of each {@code TABLE DATA} line
     * @param failure   the message of a failed run, or null
     */
    record Listing(int exitCode, Set<String> tableData, String failure) {
        /** {@return whether {@code table}'s rows are in the archive} */
        boolean holds(BackupTable table) {
            String key = table.schema() + " " + table.name() + " ";
            return tableData.stream().anyMatch(line -> line.startsWith(key));
        }

        /** {@return those of {@code tables} whose rows are in the archive} */
        List<BackupTable> held(List<BackupTable> tables) {
            return tables.stream().filter(this::holds).toList();
        }
    }

    /** Runs {@code pg_restore --list} on {@code archive}, reading its output as it comes. */
    static Listing list(ClientTool pgRestore, Path archive, ClientEnvironment environment) {
        ToolRun run = ToolRun.start(pgRestore, List.of("--list", archive.toString()), environment, true);
        Set<String> tableData = new HashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(run.output(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int at = line.indexOf(TABLE_DATA);
                if (!line.startsWith(";") && at >= 0) tableData.add(line.substring(at + TABLE_DATA.length()) + " ");
            }
        } catch (IOException e) {
            run.stop();
            throw new UncheckedIOException("could not read the output of pg_restore --list: " + e.getMessage(), e);
        }
        int exitCode = run.await();
        return new Listing(exitCode, tableData, exitCode == 0 ? null : run.failure(exitCode));
    }
}
