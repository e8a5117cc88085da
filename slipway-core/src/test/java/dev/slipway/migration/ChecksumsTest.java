package dev.slipway.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksumsTest {

    @ParameterizedTest
    @ValueSource(strings = {Corpora.MARQUEZ, Corpora.REPORTSTREAM})
    void equalFlywaysChecksumForEveryScriptOfARealHistory(String corpus) {
        List<Corpora.HistoryRow> history = Corpora.flywayHistory(corpus);
        assertThat(history).hasSizeGreaterThan(70);
        for (Corpora.HistoryRow row : history) {
            ScriptSource source = ScriptSource.ofFile(Corpora.folder(corpus).resolve(row.script()));
            assertThat(Checksums.crc32(source, row.script())).as(row.script()).isEqualTo(row.checksum());
        }
    }

    @Test
    void lineEndingsBlankLinesAndAByteOrderMarkDoNotChangeTheChecksum() throws IOException {
        int unix = crc32("create table a (id int);\nselect 1;\n");
        assertThat(crc32("create table a (id int);\r\nselect 1;\r\n")).isEqualTo(unix);
        assertThat(crc32("create table a (id int);\rselect 1;")).isEqualTo(unix);
        // A blank line adds no bytes, as in Flyway.
        assertThat(crc32("create table a (id int);\n\n\nselect 1;\n\n")).isEqualTo(unix);
        assertThat(crc32("\uFEFFcreate table a (id int);\nselect 1;\n")).isEqualTo(unix);
        assertThat(Checksums.crc32(ScriptSource.ofBytes(withBom("create table a (id int);\nselect 1;\n")), "V1.sql"))
                .isEqualTo(unix);
    }

    @Test
    void anyOtherChangeDoes() throws IOException {
        int original = crc32("create table a (id int);\n");
        assertThat(crc32("create table a (id bigint);\n")).isNotEqualTo(original);
        assertThat(crc32("create table a (id int); \n")).isNotEqualTo(original);
        assertThat(crc32("create table a (id int);\n \n")).isNotEqualTo(original);
        assertThat(crc32("create table a\n(id int);\n")).isNotEqualTo(original);
    }

    @Test
    void knownValue() throws IOException {
        // CRC32 of the bytes "abc" is 0x352441C2, the same for the lines "a", "b", "c" without their terminators.
        assertThat(crc32("abc")).isEqualTo(0x352441C2);
        assertThat(crc32("a\nb\r\nc\n")).isEqualTo(0x352441C2);
        assertThat(crc32("")).isZero();
    }

    @Test
    void aScriptThatIsNotUtf8IsRefusedAtTheLineOfTheBadByte() {
        byte[] latin1 = "select 1;\n-- caf\u00e9\nselect 2;\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Checksums.crc32(ScriptSource.ofBytes(latin1), "db/migration/V2__latin1.sql"))
                .isInstanceOfSatisfying(MigrationFormatException.class, e -> {
                    assertThat(e.where()).isEqualTo(SourcePosition.of("db/migration/V2__latin1.sql", 2));
                    assertThat(e.getMessage()).startsWith("db/migration/V2__latin1.sql:2: byte 0xE9 is not UTF-8");
                });
    }

    private static int crc32(String text) throws IOException {
        return Checksums.crc32(new StringReader(text));
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        return bytes;
    }
}
