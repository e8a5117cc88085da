package dev.slipway.corpus;

import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The corpus README's schema hash: sha256 of {@code pg_dump --schema-only --no-owner --no-privileges} without the
 * tools' own history tables and without the lines that differ between pg_dump runs.
 */
final class SchemaDump {
    private SchemaDump() {
    }

    static String normalised(TestDatabase db) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("pg_dump", "--schema-only", "--no-owner",
                "--no-privileges", "--exclude-table=flyway_schema_history", "--exclude-table=slipway_history*",
                "-h", db.server().host(), "-p", Integer.toString(db.server().port()), "-U", "postgres", db.name()));
        builder.environment().put("PGPASSWORD", db.server().password());
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("pg_dump failed for " + db);
        }
        return dump.lines()
                .filter(line -> !line.matches("^\\\\(restrict|unrestrict) .*"))
                .filter(line -> !line.matches("^-- Dumped (from database|by pg_dump) version.*"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
