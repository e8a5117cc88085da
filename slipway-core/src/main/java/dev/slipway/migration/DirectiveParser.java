package dev.slipway.migration;


import dev.slipway.config.ClosestName;
import dev.slipway.config.ConfigException;
import dev.slipway.config.Durations;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code slipway:} comments into {@link Directive}s. Stateless. */
final class DirectiveParser {
    private static final String MARKER = "slipway:";
    private static final List<String> NAMES =
            List.of("no-transaction", "lock-timeout", "statement-timeout", "allow", "batch");
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*|\"[^\"]+\"");
    private static final String DURATION_FORMS = "a number with a unit: 500ms, 1.5s, 2m or 1h";

    private DirectiveParser() {
    }

    static Optional<Directive> parse(String commentText, SourcePosition where) {
        Objects.requireNonNull(commentText, "commentText");
        Objects.requireNonNull(where, "where");
        String text = withoutCommentMarkers(commentText);
        if (!text.startsWith(MARKER)) return Optional.empty();
        String body = text.substring(MARKER.length()).strip();
        String name = firstWord(body);
        String arguments = body.substring(name.length()).strip();
        return Optional.of(switch (name) {
            case "no-transaction" -> noTransaction(arguments, where);
            case "lock-timeout" -> new Directive.LockTimeout(singleDuration(name, arguments, where));
            case "statement-timeout" -> new Directive.StatementTimeout(singleDuration(name, arguments, where));
            case "allow" -> allow(arguments, where);
            case "batch" -> batch(arguments, where);
            default -> throw unknown(name, where);
        });
    }

    static void requireNotNegative(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) throw new IllegalArgumentException(what + " cannot be negative: " + duration);
    }

    private static String withoutCommentMarkers(String comment) {
        String text = comment.strip();
        if (text.startsWith("--")) {
            int start = 0;
            while (start < text.length() && text.charAt(start) == '-') {
                start++;
            }
            return text.substring(start).strip();
        }
        if (text.startsWith("/*")) {
            text = text.substring(2);
            if (text.endsWith("*/")) text = text.substring(0, text.length() - 2);
            return text.strip();
        }
        return text;
    }

    private static String firstWord(String text) {
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    private static Directive noTransaction(String arguments, SourcePosition where) {
        if (!arguments.isEmpty()) {
            throw new MigrationFormatException("no-transaction takes no arguments, found '" + arguments
                    + "'; put an explanation in a comment of its own", where);
        }
        return new Directive.NoTransaction();
    }

    private static Duration singleDuration(String name, String arguments, SourcePosition where) {
        if (arguments.isEmpty() || arguments.split("\\s+").length > 1) {
            throw new MigrationFormatException(name + " takes one duration (" + DURATION_FORMS + "), e.g. "
                    + "-- slipway:" + name + " 2s" + (arguments.isEmpty() ? "" : "; found '" + arguments + "'"), where);
        }
        return duration(name, arguments, where);
    }

    /** The same duration forms as slipway.toml and the flags ({@code 500ms}, {@code 1.5s}, {@code 2m}). */
    private static Duration duration(String what, String text, SourcePosition where) {
        try {
            return Durations.parse(text);
        } catch (ConfigException e) {
            throw new MigrationFormatException("bad duration '" + text + "' in " + what + ": use " + DURATION_FORMS,
                    where);
        }
    }

    private static Directive allow(String arguments, SourcePosition where) {
        String usage = "-- slipway:allow <rule> because <reason>";
        String rule = firstWord(arguments);
        if (rule.isEmpty()) {
            throw new MigrationFormatException("allow needs a rule and a reason: " + usage, where);
        }
        if (!RULE.matcher(rule).matches()) {
            throw new MigrationFormatException("'" + rule + "' is not a lint rule id (letters, digits and '-'): "
                    + usage, where);
        }
        String rest = arguments.substring(rule.length()).strip();
        String because = firstWord(rest);
        String reason = rest.substring(because.length()).strip();
        if (!because.equals("because") || reason.isEmpty()) {
            throw new MigrationFormatException("allow " + rule + " needs a reason: -- slipway:allow " + rule
                    + " because <reason>", where);
        }
        return new Directive.Allow(rule, reason);
    }

    private static Directive batch(String arguments, SourcePosition where) {
        String usage = "-- slipway:batch key=<column> size=<rows> pause=<duration>";
        Map<String, String> values = new HashMap<>();
        for (String token : arguments.isEmpty() ? new String[0] : arguments.split("\\s+")) {
            int equals = token.indexOf('=');
            if (equals <= 0) {
                throw new MigrationFormatException("batch parameters are name=value, found '" + token + "': " + usage,
                        where);
            }
            String name = token.substring(0, equals);
            if (!List.of("key", "size", "pause").contains(name)) {
                throw new MigrationFormatException("unknown batch parameter '" + name + "' (known: key, size, pause): "
                        + usage, where);
            }
            if (values.put(name, token.substring(equals + 1)) != null) {
                throw new MigrationFormatException("batch parameter '" + name + "' is given twice", where);
            }
        }
        String key = values.get("key");
        if (key == null || key.isEmpty()) {
            throw new MigrationFormatException("batch needs key=<column>, a unique indexed column to page through "
                    + "(usually the primary key): " + usage, where);
        }
        if (!COLUMN.matcher(key).matches()) {
            throw new MigrationFormatException("batch key '" + key + "' is not a column name", where);
        }
        int size = values.containsKey("size") ? size(values.get("size"), where) : Directive.Batch.DEFAULT_SIZE;
        Duration pause = values.containsKey("pause") ? duration("batch pause", values.get("pause"), where)
                : Duration.ZERO;
        return new Directive.Batch(key, size, pause);
    }

    private static int size(String text, SourcePosition where) {
        if (text.matches("\\d{1,9}") && Integer.parseInt(text) >= 1) return Integer.parseInt(text);
        throw new MigrationFormatException("batch size must be a whole number of rows, at least 1, found '" + text
                + "'", where);
    }

    private static MigrationFormatException unknown(String name, SourcePosition where) {
        if (name.isEmpty()) {
            return new MigrationFormatException("a 'slipway:' comment needs a directive; known: "
                    + String.join(", ", Directive.FORMS), where);
        }
        String suggestion = ClosestName.closest(name, NAMES).map(known -> " (did you mean '" + known + "'?)")
                .orElse("");
        return new MigrationFormatException("unknown directive 'slipway:" + name + "'" + suggestion + "; known: "
                + String.join(", ", Directive.FORMS), where);
    }
}
