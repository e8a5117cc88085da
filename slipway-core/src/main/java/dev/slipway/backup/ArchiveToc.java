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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an archive's table of contents with {@code pg_restore --list}: proof that the archive is readable, the
 * tables whose rows it holds ({@code TABLE DATA} entries) and the tables and views it defines. Stateless.
 */
final class ArchiveToc {
    /** {@code <dump id>; <catalog oid> <oid> <kind> <schema> <name> <owner>}, as pg_restore writes each entry. */
    private static final Pattern ENTRY = Pattern.compile("^\\d+; \\d+ \\d+ (.*)$");
    private static final String TABLE_DATA = "TABLE DATA ";
    private static final List<String> RELATIONS = List.of("TABLE ", "VIEW ", "MATERIALIZED VIEW ", "FOREIGN TABLE ");

    private ArchiveToc() {
    }

    /**
     * The outcome of listing an archive.
     *
     * @param exitCode  {@code pg_restore}'s exit code; 0 when it read the archive
     * @param tableData the {@code "<schema> <name> <owner> "} part of each {@code TABLE DATA} entry
     * @param relations the same part of each table, view, materialized view and foreign table entry
     * @param failure   the message of a failed run, or null
     */
    record Listing(int exitCode, Set<String> tableData, Set<String> relations, String failure) {
        /** {@return those of {@code tables} whose rows are in the archive} */
        List<BackupTable> held(List<BackupTable> tables) {
            return tables.stream().filter(table -> matches(tableData, table)).toList();
        }

        /** {@return whether the archive defines {@code relation}} */
        boolean defines(BackupTable relation) {
            return matches(relations, relation);
        }

        private static boolean matches(Set<String> entries, BackupTable table) {
            // names may hold spaces, so the owner at the end cannot be split off; compare the start instead
            String key = table.schema() + " " + table.name() + " ";
            return entries.stream().anyMatch(entry -> entry.startsWith(key));
        }
    }

    /** Runs {@code pg_restore --list} on {@code archive}, reading its output as it comes. */
    static Listing list(ClientTool pgRestore, Path archive, ClientEnvironment environment) {
        ToolRun run = ToolRun.start(pgRestore, List.of("--list", archive.toString()), environment, true);
        Set<String> tableData = new HashSet<>();
        Set<String> relations = new HashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(run.output(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher entry = ENTRY.matcher(line);
                if (!entry.matches()) continue;
                String rest = entry.group(1) + " ";
                if (rest.startsWith(TABLE_DATA)) {
                    tableData.add(rest.substring(TABLE_DATA.length()));
                    continue;
                }
                for (String kind : RELATIONS) {
                    if (rest.startsWith(kind)) relations.add(rest.substring(kind.length()));
                }
            }
        } catch (IOException e) {
            run.stop();
            throw new UncheckedIOException("could not read the output of pg_restore --list: " + e.getMessage(), e);
        }
        int exitCode = run.await();
        return new Listing(exitCode, tableData, relations, exitCode == 0 ? null : run.failure(exitCode));
    }
}
