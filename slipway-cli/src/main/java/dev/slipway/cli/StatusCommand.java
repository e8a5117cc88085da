package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.apply.RunnerLock;
import dev.slipway.apply.StatusEntry;
import dev.slipway.apply.StatusReport;
import picocli.CommandLine.Command;

/** {@code slipway status} (alias {@code current}): where the database stands. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        aliases = "current",
        description = "Show the current version and every applied, pending, partial or failed migration.")
final class StatusCommand extends BaseCommand {
    @Override
    public Integer call() {
        StatusReport report = slipway().status();
        if (output().json()) {
            output().document(report);
            return ExitStatus.OK.code();
        }
        output().line("current version: " + (report.current() == null ? "none" : report.current())
                + (report.historyTable() ? "" : " (no Slipway history yet)"));
        for (RunnerLock.LockHolder other : report.running()) {
            output().line("running now: " + (other.deploy() ? "a deploy" : "a migration run") + ", "
                    + other.describe());
        }
        output().line("pending: " + report.pending().size());
        for (StatusEntry entry : report.entries()) {
            output().line(String.format("  %-14s %-10s %s%s", entry.state().name().toLowerCase().replace('_', '-'),
                    entry.version() == null ? "R" : entry.version().toString(), entry.script(),
                    entry.detail() == null ? "" : "  (" + entry.detail() + ")"));
        }
        return ExitStatus.OK.code();
    }
}
