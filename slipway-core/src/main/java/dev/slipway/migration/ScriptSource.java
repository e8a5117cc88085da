package dev.slipway.migration;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads a migration script again whenever it is needed, so that a scan keeps no script text in memory.
 * <p>Scripts are UTF-8. {@link #open()} drops a leading byte order mark and refuses bytes that are not UTF-8
 * (with a {@link java.nio.charset.CharacterCodingException}) rather than guessing, because SQL read with the
 * wrong charset runs with the wrong string literals. Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface ScriptSource {

    /**
     * {@return the raw bytes of the script, from the start} The caller closes the stream.
     *
     * @throws IOException if it cannot be read
     */
    InputStream openStream() throws IOException;

    /**
     * {@return the script as text: UTF-8 decoded strictly, a leading byte order mark dropped} The caller closes it.
     *
     * @throws IOException if it cannot be read; a {@link java.nio.charset.MalformedInputException} for bytes that are
     *                     not UTF-8 (when the reader reaches them)
     */
    default Reader open() throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(openStream(), strict));
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') reader.reset();
        } catch (IOException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    /**
     * {@return the whole script as text, read as {@link #open()} reads it}
     *
     * @throws IOException if it cannot be read, or is not UTF-8
     */
    default String text() throws IOException {
        try (Reader reader = open()) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) text.append(buffer, 0, n);
            return text.toString();
        }
    }

    /** {@return a source that reads a file} */
    static ScriptSource ofFile(Path file) {
        return new ScriptSources.FileSource(file);
    }

    /** {@return a source that reads a URL, e.g. a class path resource in a folder or a jar} */
    static ScriptSource ofUrl(URL url) {
        return new ScriptSources.UrlSource(url);
    }

    /** {@return a source that holds its text, for scripts built in code and in tests} */
    static ScriptSource ofText(String text) {
        return new ScriptSources.TextSource(text);
    }

    /** {@return a source that holds the given bytes as they are} */
    static ScriptSource ofBytes(byte[] bytes) {
        byte[] copy = bytes.clone();
        return () -> new ByteArrayInputStream(copy);
    }
}
