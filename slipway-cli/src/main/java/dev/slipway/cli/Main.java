package dev.slipway.cli;

import picocli.CommandLine;

/** Entry point of the runnable jar: the only place where exceptions become text and exit codes. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new SlipwayCommand()).execute(args);
    }
}
