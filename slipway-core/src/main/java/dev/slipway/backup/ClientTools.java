package dev.slipway.backup;

import dev.slipway.SlipwayException;
import dev.slipway.config.BackupConfig;
import dev.slipway.db.Environment;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds {@code pg_dump} and {@code pg_restore}: in the configured {@code bin_dir} only, when there is one; otherwise
 * on {@code PATH}, then in the usual install folders ({@code /usr/lib/postgresql/<major>/bin} on Debian and Ubuntu,
 * {@code /usr/pgsql-<major>/bin} on RHEL). Of those whose major version is high enough it picks the newest, the one
 * earlier in that order on a tie. Not thread-safe; one per operation (it remembers the versions it asked for).
 */
final class ClientTools {
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");
    private static final List<InstallRoot> INSTALL_ROOTS = List.of(
            new InstallRoot(Path.of("/usr/lib/postgresql"), "", "bin"),
            new InstallRoot(Path.of("/usr"), "pgsql-", "bin"));

    private final Optional<Path> binDir;
    private final List<Path> searchPath;
    private final Map<Path, Optional<ClientTool>> probed = new HashMap<>();

    private ClientTools(Optional<Path> binDir, List<Path> searchPath) {
        this.binDir = binDir;
        this.searchPath = searchPath;
    }

    /** {@return the finder for {@code config}'s bin_dir, or for the {@code PATH} of {@code environment}} */
    static ClientTools of(BackupConfig config, Environment environment) {
        List<Path> path = new ArrayList<>();
        for (String entry : environment.variable("PATH").orElse("").split(File.pathSeparator)) {
            if (!entry.isBlank()) path.add(Path.of(entry));
        }
        return new ClientTools(config.binDir(), path);
    }

    /**
     * {@return the newest {@code program} of major version {@code minMajor} or later}
     *
     * @param needed why that version is needed, e.g. "to dump PostgreSQL 17.6", for the message
     * @throws SlipwayException (bad usage) listing what was found and how to install the right one
     */
    ClientTool find(String program, int minMajor, String needed) {
        List<ClientTool> found = candidates(program);
        Optional<ClientTool> best = found.stream().filter(tool -> tool.major() >= minMajor)
                .max(Comparator.comparingInt(ClientTool::major));
        if (best.isPresent()) {
            int major = best.get().major();
            return found.stream().filter(tool -> tool.major() == major).findFirst().orElseThrow();
        }
        String where = binDir.map(dir -> "in " + dir + " ([backup] bin_dir)")
                .orElse("on PATH or in /usr/lib/postgresql/*/bin or /usr/pgsql-*/bin");
        String seen = found.isEmpty() ? "none was found " + where
                : "found only " + found.stream().map(ClientTool::describe).collect(Collectors.joining(", "));
        throw SlipwayException.badInput(program + " " + minMajor + " or newer is needed " + needed + "; " + seen,
                "[backup] bin_dir, PATH", "install the PostgreSQL " + minMajor + " client programs (Debian/Ubuntu:"
                        + " apt-get install postgresql-client-" + minMajor + " from apt.postgresql.org; RHEL: dnf"
                        + " install postgresql" + minMajor + "; macOS: brew install postgresql@" + minMajor
                        + "), or set [backup] bin_dir (SLIPWAY_BACKUP_BIN_DIR) to the folder that holds them");
    }

    /** {@return every {@code program} found, in search order, without duplicates} */
    List<ClientTool> candidates(String program) {
        Set<Path> places = new LinkedHashSet<>();
        if (binDir.isPresent()) {
            places.add(binDir.get().resolve(program));
        } else {
            searchPath.forEach(dir -> places.add(dir.resolve(program)));
            for (InstallRoot root : INSTALL_ROOTS) {
                root.binDirs().forEach(dir -> places.add(dir.resolve(program)));
            }
        }
        List<ClientTool> tools = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path place : places) {
            if (!Files.isRegularFile(place) || !Files.isExecutable(place)) continue;
            Path real;
            try {
                real = place.toRealPath();
            } catch (IOException e) {
                continue;
            }
            if (!seen.add(real)) continue;
            probed.computeIfAbsent(place, p -> probe(program, p)).ifPresent(tools::add);
        }
        return tools;
    }

    /** Asks the program for its version; one that does not answer like a PostgreSQL program is not a candidate. */
    private static Optional<ClientTool> probe(String program, Path path) {
        try {
            Process process = new ProcessBuilder(path.toString(), "--version").redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            Matcher version = VERSION.matcher(output);
            if (process.exitValue() != 0 || !version.find()) return Optional.empty();
            int major = Integer.parseInt(version.group(1));
            String text = version.group(0).substring("(PostgreSQL) ".length());
            return Optional.of(new ClientTool(program, path, text, major));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A folder holding one sub-folder per major version, e.g. {@code /usr/lib/postgresql/15/bin}. */
    private record InstallRoot(Path parent, String prefix, String bin) {
        /** {@return the bin folders, newest major first} */
        List<Path> binDirs() {
            if (!Files.isDirectory(parent)) return List.of();
            List<Map.Entry<Integer, Path>> dirs = new ArrayList<>();
            try (DirectoryStream<Path> children = Files.newDirectoryStream(parent, prefix + "*")) {
                for (Path child : children) {
                    String suffix = child.getFileName().toString().substring(prefix.length());
                    if (suffix.matches("\\d{1,3}")) dirs.add(Map.entry(Integer.parseInt(suffix), child.resolve(bin)));
                }
            } catch (IOException e) {
                return List.of();
            }
            dirs.sort(Map.Entry.<Integer, Path>comparingByKey().reversed());
            return dirs.stream().map(Map.Entry::getValue).toList();
        }
    }
}
