package dev.slipway.db;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks passwords in text that is about to be shown: exception messages, driver errors, logged URLs.
 * <p>Three things are masked with {@code ****}: the values of known secrets wherever they appear (also
 * percent-encoded), the value of any {@code password=...} pair ({@code sslpassword}, {@code PGPASSWORD} included,
 * quoted or not), and the password of a URL's {@code user:password@}. When unsure where a password ends it masks
 * too much rather than too little. Stateless and thread-safe.
 */
public final class PasswordRedactor {
    /** What every masked value becomes. */
    public static final String MASK = "****";

    private static final Pattern PASSWORD_PAIR = Pattern.compile(
            "(?i)(?<![\\w.-])([\\w.-]*password\\s*=\\s*)"
                    + "('(?:\\\\.|[^'\\\\])*(?:'|$)|\"(?:\\\\.|[^\"\\\\])*(?:\"|$)|(?:\\\\.|[^\\s&'\"\\\\])+)");
    /** In a whole connection string an unquoted value runs to the next {@code keyword=}, '&' or the end. */
    private static final Pattern PASSWORD_PAIR_IN_INPUT = Pattern.compile(
            "(?i)(?<![\\w.-])([\\w.-]*password\\s*=\\s*)"
                    + "('(?:\\\\.|[^'\\\\])*(?:'|$)|(?:(?!\\s+[\\w.-]+\\s*=)[^&])+)");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

    private PasswordRedactor() {
    }

    /** {@return {@code text} with passwords masked; see the class comment. Null stays null.} */
    public static String redact(String text, Collection<Secret> known) {
        if (text == null) return null;
        String masked = maskKnown(text, known);
        masked = maskUrlPasswords(masked, false);
        return maskPairs(masked, PASSWORD_PAIR);
    }

    /** {@return {@code text} with passwords in URLs and {@code password=} pairs masked} */
    public static String redact(String text) {
        return redact(text, List.of());
    }

    /**
     * {@return a connection string the user typed, with its password masked}
     * <p>Unlike {@link #redact(String, Collection)}, the whole input counts as one URL, so a password containing
     * spaces or quotes is still masked to its end.
     */
    static String redactConnectionString(String input, Collection<Secret> known) {
        if (input == null) return null;
        String masked = maskKnown(input, known);
        masked = maskUrlPasswords(masked, true);
        return maskPairs(masked, PASSWORD_PAIR_IN_INPUT);
    }

    private static String maskKnown(String text, Collection<Secret> known) {
        Set<String> forms = new LinkedHashSet<>();
        for (Secret secret : known) {
            String value = secret.reveal();
            if (value.isEmpty()) continue;
            forms.add(value);
            forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
            forms.add(PercentCoding.encode(value));
        }
        String masked = text;
        for (String form : forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            masked = masked.replace(form, MASK);
        }
        return masked;
    }

    private static String maskPairs(String text, Pattern pairs) {
        Matcher matcher = pairs.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(2);
            String replacement = value.startsWith("'") ? "'" + MASK + "'"
                    : value.startsWith("\"") ? "\"" + MASK + "\"" : MASK;
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Masks {@code user:password@} in every {@code scheme://} URL, splitting user info as
     * {@link #userInfoEnd(String)} does, so what the parser takes for a password is what gets masked.
     */
    private static String maskUrlPasswords(String text, boolean wholeInput) {
        StringBuilder out = new StringBuilder();
        Matcher scheme = SCHEME.matcher(text);
        int copied = 0;
        while (scheme.find(copied)) {
            int start = scheme.end();
            int end = wholeInput ? text.length() : tokenEnd(text, start);
            String rest = text.substring(start, end);
            int userInfoEnd = userInfoEnd(rest);
            int colon = rest.indexOf(':');
            out.append(text, copied, start);
            if (userInfoEnd >= 0 && colon >= 0 && colon < userInfoEnd) {
                out.append(rest, 0, colon + 1).append(MASK).append(rest.substring(userInfoEnd));
            } else {
                out.append(rest);
            }
            copied = end;
        }
        out.append(text.substring(copied));
        return out.toString();
    }

    /**
     * {@return where the user info of a URL ends (the index of its {@code @}), or -1 when there is none}
     * <p>{@code rest} is the URL after {@code ://}. The user info ends at the last {@code @} before the path that
     * follows the first {@code @}, so an unencoded {@code @}, {@code /} or {@code ?} in a password stays in the
     * password. A user name cannot hold {@code /} or {@code ?}, so an {@code @} that only appears in the path or
     * query does not make user info.
     */
    static int userInfoEnd(String rest) {
        int firstAt = rest.indexOf('@');
        if (firstAt < 0) return -1;
        int pathStart = indexOfAny(rest, "/?", firstAt);
        int lastAt = rest.lastIndexOf('@', pathStart < 0 ? rest.length() - 1 : pathStart - 1);
        int colon = rest.indexOf(':');
        String user = rest.substring(0, colon >= 0 && colon < lastAt ? colon : lastAt);
        return user.indexOf('/') >= 0 || user.indexOf('?') >= 0 ? -1 : lastAt;
    }

    private static int tokenEnd(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "'\"<>".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static int indexOfAny(String text, String chars, int from) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) return i;
        }
        return -1;
    }
}
