package dev.slipway.migration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway's placeholders: {@code ${name}} in a migration script is replaced by its value before the script is
 * planned or run, so one file can name a schema or a role that differs between installations. Replacement is on
 * when at least one placeholder is defined, and then every {@code ${name}} in a script must have a value (anywhere in
 * the text, strings and comments included, as Flyway does). Besides those defined, {@code ${flyway:filename}} is the
 * script's file name. Checksums are of the file as written, so changing a value never changes a checksum.
 * Immutable and thread-safe.
 *
 * @param values the value of each placeholder by name (names are case-sensitive)
 */
public record Placeholders(Map<String, String> values) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^{}\\s]+)}");
    private static final String FILENAME = "flyway:filename";

    /** Copies the values, refusing a name that could not be written as a placeholder. */
    public Placeholders {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
        for (Map.Entry<String, String> placeholder : values.entrySet()) {
            if (!PLACEHOLDER.matcher("${" + placeholder.getKey() + "}").matches()) {
                throw new IllegalArgumentException("a placeholder's name may not be empty or hold spaces or braces: '"
                        + placeholder.getKey() + "'");
            }
            Objects.requireNonNull(placeholder.getValue(), () -> "the value of placeholder " + placeholder.getKey());
        }
    }

    /** {@return no placeholders: scripts run as they are written} */
    public static Placeholders none() {
        return new Placeholders(Map.of());
    }

    /** {@return whether scripts are read with their placeholders replaced} */
    public boolean replacing() {
        return !values.isEmpty();
    }

    /**
     * {@return the text with every placeholder replaced by its value}
     *
     * @param text     a script's text
     * @param location the script as named in messages
     * @throws MigrationFormatException at the line of the first placeholder that has no value
     */
    public String replace(String text, String location) {
        if (!replacing() || !text.contains("${")) return text;
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder replaced = new StringBuilder(text.length());
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = FILENAME.equals(name) && !values.containsKey(name) ? SourcePosition.of(location).fileName()
                    : values.get(name);
            if (value == null) {
                int line = 1 + (int) text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
                throw new MigrationFormatException("no value for placeholder ${" + name + "}; define it under"
                        + " [migrations.placeholders] in slipway.toml (defined: " + String.join(", ", values.keySet())
                        + ")", SourcePosition.of(location, line));
            }
            matcher.appendReplacement(replaced, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(replaced);
        return replaced.toString();
    }

    /** {@return {@code source} read with the placeholders replaced; {@code source} itself when there are none} */
    public ScriptSource applyTo(ScriptSource source, String location) {
        if (!replacing()) return source;
        return new ScriptSource() {
            @Override
            public InputStream openStream() throws IOException {
                return new ByteArrayInputStream(text().getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public Reader open() throws IOException {
                return new StringReader(text());
            }

            @Override
            public String text() throws IOException {
                return replace(source.text(), location);
            }
        };
    }

}
