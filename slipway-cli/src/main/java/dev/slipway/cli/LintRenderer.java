package dev.slipway.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.lint.FileReport;
import dev.slipway.lint.Finding;
import dev.slipway.lint.Sarif;
import dev.slipway.lint.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes lint findings as they come, one file at a time, as text, one JSON document or a SARIF log, so memory does
 * not grow with the number of files.
 */
abstract class LintRenderer {
    private final Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    private int allowed;

    static LintRenderer of(GlobalOptions options, PrintWriter out, Severity failOn) {
        if (options.json()) return new Json(out, failOn);
        if (options.sarif()) return new SarifLog(out);
        return new Text(out, options.isQuiet(), failOn);
    }

    void start() {
    }

    final void file(FileReport report) {
        for (Finding finding : report.findings()) {
            if (finding.allowed()) {
                allowed++;
            } else {
                counts.merge(finding.severity(), 1, Integer::sum);
            }
            finding(finding);
        }
    }

    abstract void finding(Finding finding);

    abstract void finish(int files, boolean failed);

    int count(Severity severity) {
        return counts.getOrDefault(severity, 0);
    }

    int allowedCount() {
        return allowed;
    }

    String summary(int files) {
        return files + (files == 1 ? " file: " : " files: ") + plural(count(Severity.ERROR), "error") + ", "
                + plural(count(Severity.WARNING), "warning") + ", " + count(Severity.ADVICE) + " advice"
                + (allowed == 0 ? "" : " (" + allowed + " allowed)");
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** {@code file:line:column: severity [rule] message}, the fix below, a summary at the end. */
    private static final class Text extends LintRenderer {
        private final PrintWriter out;
        private final boolean quiet;
        private final Severity failOn;

        Text(PrintWriter out, boolean quiet, Severity failOn) {
            this.out = out;
            this.quiet = quiet;
            this.failOn = failOn;
        }

        @Override
        void finding(Finding finding) {
            if (finding.allowed()) {
                if (!quiet) {
                    out.println(finding.where() + ": allowed [" + finding.rule() + "] " + finding.message()
                            + "\n    because: " + finding.allowedBecause());
                }
            } else {
                out.println(finding.where() + ": " + finding.severity().id() + " [" + finding.rule() + "] "
                        + finding.message() + (quiet ? "" : "\n    fix: " + finding.fix()));
            }
        }

        @Override
        void finish(int files, boolean failed) {
            if (!quiet || failed) {
                out.println(summary(files) + (failed ? "; failing at " + failOn.id() + " and above" : ""));
            }
            out.flush();
        }
    }

    /** {@code {"findings": [...], "summary": {...}}}, written as it goes. */
    private static final class Json extends LintRenderer {
        private final JsonGenerator json;
        private final Severity failOn;

        Json(PrintWriter out, Severity failOn) {
            this.failOn = failOn;
            try {
                // the streaming factory alone: an object mapper would add a good part of a second of start-up
                this.json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void start() {
            write(() -> {
                json.writeStartObject();
                json.writeArrayFieldStart("findings");
            });
        }

        @Override
        void finding(Finding finding) {
            write(() -> {
                json.writeStartObject();
                json.writeStringField("file", finding.file());
                json.writeNumberField("line", finding.line());
                json.writeNumberField("column", finding.column());
                json.writeStringField("rule", finding.rule());
                json.writeStringField("severity", finding.severity().id());
                json.writeStringField("message", finding.message());
                json.writeStringField("fix", finding.fix());
                json.writeBooleanField("allowed", finding.allowed());
                if (finding.allowed()) json.writeStringField("because", finding.allowedBecause());
                json.writeEndObject();
            });
        }

        @Override
        void finish(int files, boolean failed) {
            write(() -> {
                json.writeEndArray();
                json.writeObjectFieldStart("summary");
                json.writeNumberField("files", files);
                json.writeNumberField("errors", count(Severity.ERROR));
                json.writeNumberField("warnings", count(Severity.WARNING));
                json.writeNumberField("advice", count(Severity.ADVICE));
                json.writeNumberField("allowed", allowedCount());
                json.writeStringField("failOn", failOn.id());
                json.writeBooleanField("failed", failed);
                json.writeEndObject();
                json.writeEndObject();
                json.writeRaw('\n');
                json.flush();
            });
        }

        private void write(JsonWork work) {
            try {
                work.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A SARIF 2.1.0 log with every rule and one result per finding, suppressed where an allow accepted it. */
    private static final class SarifLog extends LintRenderer {
        private final JsonGenerator json;

        SarifLog(PrintWriter out) {
            try {
                this.json = new ObjectMapper().createGenerator(out).useDefaultPrettyPrinter();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void start() {
            write(() -> {
                json.writeStartObject();
                json.writeStringField("$schema", Sarif.SCHEMA);
                json.writeStringField("version", Sarif.VERSION);
                json.writeArrayFieldStart("runs");
                json.writeStartObject();
                json.writeObjectFieldStart("tool");
                json.writeObjectFieldStart("driver");
                json.writeStringField("name", "slipway");
                String version = Main.class.getPackage().getImplementationVersion();
                json.writeStringField("semanticVersion", version == null ? "0.0.0-dev" : version);
                json.writeFieldName("rules");
                json.writeObject(Sarif.rules());
                json.writeEndObject();
                json.writeEndObject();
                json.writeArrayFieldStart("results");
            });
        }

        @Override
        void finding(Finding finding) {
            write(() -> json.writeObject(Sarif.result(finding, finding.file())));
        }

        @Override
        void finish(int files, boolean failed) {
            write(() -> {
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
                json.writeRaw('\n');
                json.flush();
            });
        }

        private void write(JsonWork work) {
            try {
                work.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @FunctionalInterface
    private interface JsonWork {
        void run() throws IOException;
    }
}
