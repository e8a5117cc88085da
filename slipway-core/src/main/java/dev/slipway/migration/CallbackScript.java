package dev.slipway.migration;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flyway callback script that Slipway runs: {@code beforeMigrate.sql} before a {@code migrate} runs anything, and
 * {@code afterMigrate.sql} after it applied everything (both also when nothing is pending, as Flyway does). A
 * description may follow two underscores ({@code afterMigrate__grants.sql}); several of one event run in name order.
 * Not a migration: it has no version and no row in the history, only an audit row each time it runs.
 *
 * @param event    when it runs
 * @param location the file as named in messages, e.g. {@code db/migration/afterMigrate.sql}
 * @param source   reads the text when it runs
 */
public record CallbackScript(Event event, String location, ScriptSource source) {
    private static final Pattern NAME = Pattern.compile("(beforeMigrate|afterMigrate)(__[^/\\\\]+)?\\.sql");

    /** When a callback runs. */
    public enum Event {
        /** Before the first pending migration, after every check; a failure applies nothing. */
        BEFORE_MIGRATE,
        /** After the last pending migration; a failure leaves the migrations applied. */
        AFTER_MIGRATE
    }

    /** Checks every part is present. */
    public CallbackScript {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(source, "source");
    }

    /** {@return whether a location (a path, or a file name) names a callback script Slipway runs} */
    public static boolean isCallback(String location) {
        return eventOf(SourcePosition.of(location).fileName()).isPresent();
    }

    /** {@return the event of a file name Slipway runs as a callback; empty for other names} */
    public static Optional<Event> eventOf(String fileName) {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) return Optional.empty();
        return Optional.of(matcher.group(1).equals("beforeMigrate") ? Event.BEFORE_MIGRATE : Event.AFTER_MIGRATE);
    }
}
