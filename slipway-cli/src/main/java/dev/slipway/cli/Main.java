package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.SlipwayException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.db.PasswordRedactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
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
        List<Class<?>> subcommands = SlipwayCommand.subcommandsFor(args);
        CommandLine commandLine = commandLine(out, err, subcommands);
        if (subcommands.size() < SlipwayCommand.allSubcommands().size() && showsTopLevelUsage(commandLine, args)) {
            // the usage lists every command: build them all, and let the full command line say what is wrong
            commandLine = commandLine(out, err, SlipwayCommand.allSubcommands());
        }
        return commandLine.execute(args);
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, List<Class<?>> subcommands) {
        CommandLine commandLine = new CommandLine(new SlipwayCommand());
        // added before the settings below, which reach only the subcommands present when they are made
        for (Class<?> subcommand : subcommands) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new ProblemPrinter())
                .setExitCodeExceptionMapper(Main::exitCode);
        // `downgrade -1` looks like an option; let unknown options there be the positional step count
        CommandLine downgrade = commandLine.getSubcommands().get("downgrade");
        if (downgrade != null) downgrade.setUnmatchedOptionsArePositionalParams(true);
        return commandLine;
    }

    /** {@return whether the arguments fail to parse or ask for the top-level help, both of which print its usage} */
    private static boolean showsTopLevelUsage(CommandLine commandLine, String... args) {
        try {
            return commandLine.parseArgs(args).isUsageHelpRequested();
        } catch (CommandLine.ParameterException e) {
            return true;
        }
    }

    private static int exitCode(Throwable problem) {
        if (problem instanceof SlipwayException e) return e.status().code();
        if (problem instanceof CommandLine.ParameterException) return ExitStatus.USAGE.code();
        return ExitStatus.FAILED.code();
    }

    /** Built on the first JSON error only: an object mapper costs a good part of a second's start-up. */
    private static final class ErrorJson {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static boolean wantsJson(List<String> args) {
        int at = args.indexOf("--format");
        return args.contains("--format=json") || at >= 0 && at + 1 < args.size() && "json".equals(args.get(at + 1));
    }

    /** Prints the message of a failure; a stack trace only for unexpected failures with --verbose. */
    private static final class ProblemPrinter implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception problem, CommandLine command, ParseResult parsed) {
            PrintWriter err = command.getErr();
            List<String> args = parsed.expandedArgs();
            boolean verbose = args.contains("--verbose") || args.contains("-v");
            int code = problem instanceof SlipwayException e ? e.status().code() : ExitStatus.FAILED.code();
            String message = problem instanceof SlipwayException ? problem.getMessage()
                    : "unexpected " + problem.getClass().getSimpleName() + ": " + problem.getMessage()
                    + "\n  database: unknown; run `slipway status` to see it"
                    + "\n  next: rerun with --verbose for details, and report it if it persists";
            // messages are built without passwords; this is the last guard for text that came from elsewhere
            message = PasswordRedactor.redact(message);
            err.println("error: " + message);
            if (verbose) {
                Throwable trace = problem instanceof SlipwayException && problem.getCause() != null
                        ? problem.getCause() : problem;
                StringWriter text = new StringWriter();
                trace.printStackTrace(new PrintWriter(text));
                err.print(PasswordRedactor.redact(text.toString()));
            }
            err.flush();
            if (wantsJson(args)) {
                ObjectNode error = ErrorJson.MAPPER.createObjectNode();
                error.putObject("error").put("exitCode", code).put("message", message);
                command.getOut().println(error.toPrettyString());
                command.getOut().flush();
            }
            return code;
        }
    }
}
