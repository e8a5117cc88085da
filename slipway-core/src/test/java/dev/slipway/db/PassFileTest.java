package dev.slipway.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassFileTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private static Optional<String> find(List<String> lines, String host, int port, String database, String user) {
        return PassFile.find(lines, host, port, database, user).map(Secret::reveal);
    }

    @Test
    void matchesAllFourFields() {
        List<String> lines = List.of("db:5432:app:app:right", "db:5432:other:app:wrong");

        assertThat(find(lines, "db", 5432, "app", "app")).contains("right");
        assertThat(find(lines, "db", 5433, "app", "app")).isEmpty();
        assertThat(find(lines, "db2", 5432, "app", "app")).isEmpty();
        assertThat(find(lines, "db", 5432, "app", "bob")).isEmpty();
    }

    @Test
    void takesTheFirstMatchingLineWithWildcards() {
        List<String> lines = List.of("# production", "", "db:*:app:*:first", "*:*:*:*:second");

        assertThat(find(lines, "db", 6000, "app", "anyone")).contains("first");
        assertThat(find(lines, "elsewhere", 5432, "x", "y")).contains("second");
    }

    @Test
    void unescapesColonsAndBackslashes() {
        List<String> lines = List.of("fe80\\:\\:1:5432:my\\\\db:app:pa\\:ss\\\\word:ignored");

        assertThat(find(lines, "fe80::1", 5432, "my\\db", "app")).contains("pa:ss\\word");
    }

    @Test
    void treatsAnEscapedStarAsALiteralStar() {
        List<String> lines = List.of("\\*:5432:app:app:literal", "*:5432:app:app:wildcard");

        assertThat(find(lines, "db", 5432, "app", "app")).contains("wildcard");
        assertThat(find(lines, "*", 5432, "app", "app")).contains("literal");
    }

    @Test
    void ignoresShortLinesAndWindowsLineEnds() {
        List<String> lines = List.of("db:5432:app", "db:5432:app:app:pw\r");

        assertThat(find(lines, "db", 5432, "app", "app")).contains("pw");
    }

    @Test
    void readsAPrivateFile() throws IOException {
        Path file = write("0600", "db:5432:app:app:s3cret");

        assertThat(PassFile.lookup(file, "db", 5432, "app", "app", warnings::add)).contains(new Secret("s3cret"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void ignoresAFileOthersCanReadWithAWarning() throws IOException {
        Path file = write("0644", "db:5432:app:app:s3cret");

        assertThat(PassFile.lookup(file, "db", 5432, "app", "app", warnings::add)).isEmpty();
        assertThat(warnings).singleElement().asString()
                .contains(file.toString()).contains("group or world access").contains("chmod 600");
    }

    @Test
    void ignoresAFileTheGroupCanReadWithAWarning() throws IOException {
        Path file = write("0640", "db:5432:app:app:s3cret");

        assertThat(PassFile.lookup(file, "db", 5432, "app", "app", warnings::add)).isEmpty();
        assertThat(warnings).hasSize(1);
    }

    @Test
    void saysNothingAboutAMissingFile() {
        assertThat(PassFile.lookup(dir.resolve("absent"), "db", 5432, "app", "app", warnings::add)).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void warnsAboutADirectory() {
        assertThat(PassFile.lookup(dir, "db", 5432, "app", "app", warnings::add)).isEmpty();
        assertThat(warnings).singleElement().asString().contains("not a plain file");
    }

    @Test
    void isConsultedLastByResolve() throws IOException {
        Path file = write("0600", "db:5432:app:app:fromfile");
        Environment env = new Environment(Map.of("PGPASSFILE", file.toString()), dir, "app");

        assertThat(ConnectionSpec.resolve("postgresql://app@db/app", env).password()).contains(new Secret("fromfile"));
        assertThat(ConnectionSpec.resolve("postgresql://app@db/app", env.withVariable("PGPASSWORD", "fromenv"))
                .password()).contains(new Secret("fromenv"));
        assertThat(ConnectionSpec.resolve("postgresql://app:fromurl@db/app", env.withVariable("PGPASSWORD", "x"))
                .password()).contains(new Secret("fromurl"));
    }

    @Test
    void isFoundInTheHomeDirectoryOrThroughThePassfileKeyword() throws IOException {
        Path file = write("0600", "db:5432:app:app:fromhome");
        Files.move(file, dir.resolve(".pgpass"));
        Path other = write("0600", "*:*:*:*:fromkeyword");
        Environment env = new Environment(Map.of(), dir, "app");

        assertThat(ConnectionSpec.resolve("postgresql://app@db/app", env).password())
                .contains(new Secret("fromhome"));
        assertThat(ConnectionSpec.resolve("postgresql://app@db/app?passfile=" + other, env).password())
                .contains(new Secret("fromkeyword"));
    }

    @Test
    void warnsThroughResolveWhenTheFileIsUnsafe() throws IOException {
        Path file = write("0604", "*:*:*:*:s3cret");
        Environment env = new Environment(Map.of("PGPASSFILE", file.toString()), dir, "app");

        ConnectionSpec spec = ConnectionSpec.resolve("postgresql://app@db/app", env, warnings::add);

        assertThat(spec.password()).isEmpty();
        assertThat(warnings).singleElement().asString().contains("group or world access");
    }

    private Path write(String mode, String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "pgpass", "");
        Files.write(file, List.of(lines));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions(mode)));
        return file;
    }

    private static String permissions(String octal) {
        StringBuilder text = new StringBuilder();
        for (char digit : octal.substring(1).toCharArray()) {
            int bits = digit - '0';
            text.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-')
                    .append((bits & 1) != 0 ? 'x' : '-');
        }
        return text.toString();
    }
}
