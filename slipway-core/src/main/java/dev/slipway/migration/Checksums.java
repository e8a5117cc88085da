package dev.slipway.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Script checksums that equal Flyway's, so a {@code flyway_schema_history} can be adopted and its rows compared with
 * the files on disk.
 * <p>The text is read line by line (a line ends at {@code \n}, {@code \r} or {@code \r\n}); a UTF-8 byte order mark
 * is dropped; CRC32 is updated with each line's UTF-8 bytes without its terminator, and the result is the low 32 bits
 * as a signed {@code int}. So line endings and blank lines do not change a checksum (a blank line adds no bytes), but
 * any other change does, including where a line is broken.
 */
public final class Checksums {
    private Checksums() {
    }

    /**
     * {@return the checksum of a script's text} The reader is read to its end but not closed.
     *
     * @param text the script's text
     * @throws IOException if the reader fails
     */
    public static int crc32(Reader text) throws IOException {
        BufferedReader lines = text instanceof BufferedReader buffered ? buffered : new BufferedReader(text);
        CRC32 crc32 = new CRC32();
        String line = lines.readLine();
        if (line != null && line.startsWith("\uFEFF")) line = line.substring(1);
        while (line != null) {
            crc32.update(line.getBytes(StandardCharsets.UTF_8));
            line = lines.readLine();
        }
        return (int) crc32.getValue();
    }

    /**
     * {@return the checksum of a script read from its source}
     *
     * @param source where the script is read from
     * @param file   the script as named in messages
     * @throws MigrationFormatException if the script is not UTF-8, naming the line of the first bad byte
     * @throws MigrationException       if it cannot be read
     */
    public static int crc32(ScriptSource source, String file) {
        byte[] bytes;
        try (InputStream in = source.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new MigrationException("cannot read migration " + file + ": " + e, e);
        }
        if (!isUtf8(bytes)) throw notUtf8(source, file);
        return crc32(bytes);
    }

    /**
     * The same checksum computed on the file's bytes, without decoding them to text and encoding each line back:
     * for UTF-8 the two are equal, and a scan of thousands of files at application start-up makes far less garbage.
     */
    static int crc32(byte[] bytes) {
        CRC32 crc32 = new CRC32();
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] != '\n' && bytes[i] != '\r') continue;
            crc32.update(bytes, start, i - start);
            if (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') i++;
            start = i + 1;
        }
        crc32.update(bytes, start, bytes.length - start);
        return (int) crc32.getValue();
    }

    private static boolean isUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return !StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes), CharBuffer.allocate(bytes.length), true).isError();
            }
        }
        return true;   // plain ASCII, the common case, needs no decoder
    }

    /** Finds the first byte that is not UTF-8 so the message can point at its line. */
    private static MigrationException notUtf8(ScriptSource source, String file) {
        byte[] bytes;
        try (InputStream in = source.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return new MigrationException("cannot read migration " + file + ": " + e, e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        int bad = result.isError() ? in.position() : bytes.length;
        int line = 1;
        for (int i = 0; i < bad; i++) {
            boolean crlf = bytes[i] == '\r' && i + 1 < bad && bytes[i + 1] == '\n';
            if (bytes[i] == '\n' || bytes[i] == '\r' && !crlf) line++;
        }
        String what = bad < bytes.length ? String.format("byte 0x%02X", bytes[bad] & 0xFF) : "the end of the file";
        return new MigrationFormatException(what + " is not UTF-8; save the file as UTF-8 (it may be Latin-1 or "
                + "Windows-1252)", SourcePosition.of(file, line));
    }
}
