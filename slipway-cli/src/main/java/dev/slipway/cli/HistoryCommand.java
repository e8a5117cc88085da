package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.history.AuditEntry;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code slipway history}: the audit trail. */
@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show the audit trail: every apply, revert, stamp and baseline.")
final class HistoryCommand extends BaseCommand {
    @Override
    public Integer call() {
        List<AuditEntry> entries = slipway().history();
        if (output().json()) {
            output().document(entries);
            return ExitStatus.OK.code();
        }
        if (entries.isEmpty()) output().line("no history yet");
        for (AuditEntry e : entries) {
            output().line(String.format("%s  %-8s %-8s %-10s %s  %d ms  by %s@%s (db %s, slipway %s)%s",
                    e.startedAt(), e.action(), e.outcome(), e.version() != null ? e.version() : e.action().equals("callback") ? "-" : "R", e.script(),
                    e.durationMs(), e.osUser(), e.host(), e.dbUser(), e.toolVersion(),
                    e.detail() == null ? "" : "\n      " + e.detail().replace("\n", "\n      ")));
        }
        return ExitStatus.OK.code();
    }
}
