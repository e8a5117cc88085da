package dev.slipway.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.slipway.apply.ApplyEvent;
import dev.slipway.apply.ApplyListener;
import dev.slipway.apply.Blocker;
import dev.slipway.migration.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Where a command writes: results to stdout (text, or one JSON document with {@code --format json}), progress to
 * stdout in text mode only. Nothing else in the command line writes to the terminal.
 */
final class Output {
    /**
     * Built on the first JSON document, not when the class loads: text output needs no mapper, and building one
     * (with its time module) costs a fifth of a second of every command's start-up.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule().addSerializer(Version.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(Version version, JsonGenerator out, SerializerProvider provider)
                            throws IOException {
                        out.writeString(version.toString());
                    }
                }).addSerializer(Duration.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(Duration duration, JsonGenerator out, SerializerProvider provider)
                            throws IOException {
                        out.writeNumber(duration.toMillis());
                    }
                }))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final PrintWriter out;
    private final GlobalOptions options;

    Output(PrintWriter out, GlobalOptions options) {
        this.out = out;
        this.options = options;
    }

    boolean json() {
        return options.json();
    }

    /** Writes one JSON document (json mode) or nothing. */
    void document(Object value) {
        try {
            out.println(Json.MAPPER.writeValueAsString(value));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a line of the result in text mode. */
    void line(String text) {
        if (json()) return;
        out.println(text);
        out.flush();
    }

    /** Writes a progress line unless quiet. */
    void progress(String text) {
        if (options.isQuiet()) return;
        out.println(text);
        out.flush();
    }

    /** {@return a listener that prints progress} */
    ApplyListener listener() {
        return this::onEvent;
    }

    private void onEvent(ApplyEvent event) {
        if (event instanceof ApplyEvent.WaitingForRunnerLock w) {
            progress("waiting for the runner lock held by " + w.holder());
        } else if (event instanceof ApplyEvent.Starting s) {
            progress((s.up() ? "applying " : "reverting with ") + s.script()
                    + (s.whyStepByStep() == null ? "" : " step by step: " + s.whyStepByStep()));
        } else if (event instanceof ApplyEvent.Finished f) {
            progress("  done in " + f.took().toMillis() + " ms");
        } else if (event instanceof ApplyEvent.Retrying r && !r.waiters().isEmpty()) {
            progress("  cancelled at line " + r.line() + ": others waited behind it longer than max_blocking"
                    + " (attempt " + r.attempt() + " of " + (r.retries() + 1) + "); retrying in "
                    + r.pause().toMillis() + " ms; waiting: "
                    + r.waiters().stream().map(Blocker::describe).collect(Collectors.joining("; ")));
        } else if (event instanceof ApplyEvent.Retrying r) {
            String blockers = r.blockers().isEmpty() ? "" : "; blocked by "
                    + r.blockers().stream().map(Blocker::describe).collect(Collectors.joining("; "));
            progress("  lock timeout at line " + r.line() + " (attempt " + r.attempt() + " of " + (r.retries() + 1)
                    + "); retrying in " + r.pause().toMillis() + " ms" + blockers);
        } else if (event instanceof ApplyEvent.Note n) {
            progress("  note: " + n.text());
        } else {
            throw new AssertionError(event);
        }
    }
}
