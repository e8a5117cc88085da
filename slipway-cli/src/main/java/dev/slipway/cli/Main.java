package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.SlipwayException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Entry point of the runnable jar: the only place where exceptions become text and exit codes. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new SlipwayCommand())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new ProblemPrinter())
                .setExitCodeExceptionMapper(Main::exitCode);
        // `downgrade -1` looks like an option; let unknown options there be the positional step count
        commandLine.getSubcommands().get("downgrade").setUnmatchedOptionsArePositionalParams(true);
        return commandLine.execute(args);
    }

    private static int exitCode(Throwable problem) {
        if (problem instanceof SlipwayException e) return e.status().code();
        if (problem instanceof CommandLine.ParameterException) return ExitStatus.USAGE.code();
        return ExitStatus.FAILED.code();
    }

    /** Prints the message of a failure; a stack trace only for unexpected failures with --verbose. */
    private static final class ProblemPrinter implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception problem, CommandLine command, ParseResult parsed) {
            PrintWriter err = command.getErr();
            boolean verbose = parsed.expandedArgs().contains("--verbose") || parsed.expandedArgs().contains("-v");
            if (problem instanceof SlipwayException e) {
                err.println("error: " + e.getMessage());
                if (verbose && e.getCause() != null) e.getCause().printStackTrace(err);
                err.flush();
                return e.status().code();
            }
            err.println("error: unexpected " + problem.getClass().getSimpleName() + ": " + problem.getMessage()
                    + "\n  database: unknown; run `slipway status` to see it"
                    + "\n  next: rerun with --verbose for details, and report it if it persists");
            if (verbose) problem.printStackTrace(err);
            err.flush();
            return ExitStatus.FAILED.code();
        }
    }
}
