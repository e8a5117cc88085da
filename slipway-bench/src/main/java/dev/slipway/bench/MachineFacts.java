package dev.slipway.bench;

import dev.slipway.embedded.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import liquibase.util.LiquibaseUtil;
import org.flywaydb.core.internal.license.VersionPrinter;

/**
 * What the report says about the machine and the software under test.
 *
 * @param date       when the run started
 * @param processors {@code nproc}
 * @param cpu        the CPU model
 * @param memory     total memory
 * @param os         the operating system
 * @param java       the first lines of {@code java -version} of the JVM the children run on
 * @param postgres   {@code select version()} of the server
 * @param commit     the git commit the run was built from, or "unknown"
 * @param flyway     Flyway's version
 * @param liquibase  Liquibase's version
 * @param loadBefore the load average when the run started
 */
public record MachineFacts(String date, int processors, String cpu, String memory, String os, List<String> java,
        String postgres, String commit, String flyway, String liquibase, String loadBefore) {
    public MachineFacts {
        java = List.copyOf(java);
    }

    static MachineFacts collect(PostgresServer server, Path javaBinary) {
        return new MachineFacts(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                Runtime.getRuntime().availableProcessors(),
                firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"),
                firstValue(Path.of("/proc/meminfo"), "MemTotal").map(MachineFacts::gib).orElse("unknown"),
                firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").map(v -> v.replace("\"", "")).orElse("Linux"),
                command(javaBinary.toString(), "-version"),
                postgresVersion(server),
                command("git", "rev-parse", "--short", "HEAD").stream().findFirst().orElse("unknown"),
                VersionPrinter.getVersion(),
                LiquibaseUtil.getBuildVersion(),
                loadAverage());
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String gib(String meminfo) {
        long kb = Long.parseLong(meminfo.replace("kB", "").trim());
        return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(line.contains(":") ? ':' : '=') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String postgresVersion(PostgresServer server) {
        try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select version()")) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static List<String> command(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) return List.of();
            return text.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
