package dev.slipway.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The scan's byte-level checksum equals the line-by-line one that matches Flyway's, for any text. */
class ChecksumPropertiesTest {

    @Property(tries = 500)
    void bytesAndLinesGiveTheSameChecksum(@ForAll("scripts") String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        assertThat(Checksums.crc32(bytes)).isEqualTo(Checksums.crc32(new StringReader(withoutBom)));
        assertThat(Checksums.crc32(ScriptSource.ofBytes(bytes), "x.sql"))
                .isEqualTo(Checksums.crc32(new StringReader(withoutBom)));
    }

    @Provide
    Arbitrary<String> scripts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20),
                Arbitraries.strings().withChars('é', '名', 'ß', '😀', '\t').ofMaxLength(5),
                Arbitraries.of("\n", "\r\n", "\r", "\n\n", "\r\r\n"));
        return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("\uFEFF"))
                .flatMap(bom -> pieces.list().ofMaxSize(30).map(list -> bom + String.join("", list)));
    }
}
