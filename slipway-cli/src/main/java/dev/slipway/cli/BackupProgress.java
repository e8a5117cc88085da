package dev.slipway.cli;

import dev.slipway.backup.BackupEvent;
import dev.slipway.backup.BackupListener;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Prints what a backup or restore is doing. On a terminal the dump's progress (bytes written, elapsed) updates one
 * line in place; elsewhere (a log, CI) it is a plain line every ten seconds. Nothing is printed with
 * {@code --quiet} or {@code --format json}.
 */
final class BackupProgress implements BackupListener {
    private static final long PLAIN_EVERY_SECONDS = 10;

    private final PrintWriter out;
    private final boolean quiet;
    private final boolean terminal;
    private boolean lineOpen;
    private long lastPlain = -1;

    BackupProgress(PrintWriter out, GlobalOptions options, boolean terminal) {
        this.out = out;
        this.quiet = options.isQuiet();
        this.terminal = terminal;
    }

    @Override
    public void on(BackupEvent event) {
        if (quiet) return;
        if (event instanceof BackupEvent.Step step) {
            endLine();
            out.println(step.text());
        } else if (event instanceof BackupEvent.Progress progress) {
            String text = "  " + Sizes.human(progress.bytes()) + " written in " + seconds(progress.elapsed());
            if (terminal) {
                out.print("\r" + text + "   ");
                lineOpen = true;
            } else {
                long at = progress.elapsed().toSeconds() / PLAIN_EVERY_SECONDS;
                if (at == lastPlain) return;
                lastPlain = at;
                out.println(text);
            }
        } else {
            throw new AssertionError(event);
        }
        out.flush();
    }

    /** Ends a progress line that is being updated in place, so what follows starts on a line of its own. */
    void endLine() {
        if (!lineOpen) return;
        out.println();
        out.flush();
        lineOpen = false;
    }

    private static String seconds(Duration elapsed) {
        return elapsed.toSeconds() < 60 ? elapsed.toSeconds() + " s"
                : elapsed.toMinutes() + " min " + elapsed.toSecondsPart() + " s";
    }
}
