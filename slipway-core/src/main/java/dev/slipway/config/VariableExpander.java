package dev.slipway.config;

import dev.slipway.db.Environment;
import java.util.regex.Pattern;

/**
 * Expands {@code ${VAR}} in configuration values from the environment. {@code ${VAR:-fallback}} uses the fallback
 * when the variable is unset or empty; {@code $${} stands for a literal {@code ${}; any other {@code $} is kept.
 * Stateless.
 */
final class VariableExpander {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Why a value could not be expanded; the loader adds the file, line and key. */
    static class Problem extends RuntimeException {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    /** A reference to a variable that is not set, as opposed to a malformed reference. */
    static final class Unset extends Problem {
        Unset(String message) {
            super(message);
        }
    }

    private VariableExpander() {
    }

    /**
     * {@return {@code text} with its variables replaced}
     *
     * @throws Problem for an unset variable, an unclosed {@code ${} or an invalid name
     */
    static String expand(String text, Environment env) {
        if (text.indexOf('$') < 0) return text;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                if (close < 0) throw new Problem("has an unclosed ${ (write $${ for a literal ${)");
                out.append(lookUp(text.substring(i + 2, close), env));
                i = close + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static String lookUp(String reference, Environment env) {
        int fallbackAt = reference.indexOf(":-");
        String name = fallbackAt < 0 ? reference : reference.substring(0, fallbackAt);
        if (!NAME.matcher(name).matches()) {
            throw new Problem("uses ${" + name + "}, which is not a variable name");
        }
        String value = env.variables().get(name);
        if (fallbackAt >= 0) return value == null || value.isEmpty() ? reference.substring(fallbackAt + 2) : value;
        if (value == null) {
            throw new Unset("uses ${" + name + "}, but " + name + " is not set (write ${" + name
                    + ":-default} for a fallback)");
        }
        return value;
    }
}
