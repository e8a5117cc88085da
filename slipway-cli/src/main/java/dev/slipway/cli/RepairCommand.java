package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.apply.RepairResult;
import dev.slipway.migration.Version;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway repair [V...]}: accepts the files of applied migrations that changed after they ran. */
@Command(name = "repair", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Accept the files of applied migrations as they are now where they changed after they ran"
        + " (a comment fixed, a file reformatted): records their checksum; runs nothing.")
final class RepairCommand extends BaseCommand {
    @Parameters(arity = "0..*", paramLabel = "VERSION",
            description = "The versions whose file to accept; none: every applied migration whose file changed.")
    List<String> versions = List.of();

    @Option(names = "--accept-changed-statements", description = "Also accept files whose statements are not those"
            + " that ran (more changed than comments, whitespace or the case of words).")
    boolean acceptChangedStatements;

    @Override
    public Integer call() {
        List<Version> chosen = versions.stream().map(v -> Versions.parse("repair", v)).toList();
        RepairResult result = confirmed(slipway(), "repair").repair(chosen, acceptChangedStatements);
        if (output().json()) {
            output().document(result);
            return ExitStatus.OK.code();
        }
        if (result.accepted().isEmpty()) {
            output().line("nothing to repair: every applied migration's file has the checksum of what ran");
            return ExitStatus.OK.code();
        }
        output().line("accepted " + result.accepted().size() + " file(s) as they are now; nothing ran:");
        for (RepairResult.Accepted accepted : result.accepted()) {
            output().line("  " + accepted.version() + "  " + accepted.script() + "  checksum " + accepted.checksumThen()
                    + " -> " + accepted.checksumNow() + " (ran " + accepted.appliedAt() + "; " + edit(accepted.edit())
                    + ")");
        }
        return ExitStatus.OK.code();
    }

    private static String edit(RepairResult.Edit edit) {
        return switch (edit) {
            case LAYOUT -> "only comments, whitespace or case changed";
            case STATEMENTS -> "its statements changed";
            case UNKNOWN -> "whether its statements changed is not known: it ran before Slipway kept their checksum";
        };
    }
}
