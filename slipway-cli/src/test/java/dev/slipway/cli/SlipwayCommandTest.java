package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Which subcommands a command line builds, and that the top-level usage still lists them all. */
class SlipwayCommandTest {

    @Test
    void aCommandLineNamingACommandBuildsOnlyThatOne() {
        assertThat(SlipwayCommand.subcommandsFor("lint", "--format", "json", "db")).containsExactly(LintCommand.class);
        assertThat(SlipwayCommand.subcommandsFor("current")).containsExactly(StatusCommand.class);
    }

    @Test
    void helpAnUnknownCommandAndArgumentFilesBuildThemAll() {
        List<Class<?>> all = SlipwayCommand.allSubcommands();
        assertThat(SlipwayCommand.subcommandsFor("--help")).isEqualTo(all);
        assertThat(SlipwayCommand.subcommandsFor("help", "lint")).isEqualTo(all);
        assertThat(SlipwayCommand.subcommandsFor("lnt")).isEqualTo(all);
        assertThat(SlipwayCommand.subcommandsFor("lint", "@more-arguments")).isEqualTo(all);
        assertThat(SlipwayCommand.subcommandsFor()).isEqualTo(all);
    }

    @Test
    void theTopLevelUsageListsEveryCommandEvenWhenTheArgumentsNameOne() {
        // `--url lint` is a usage error (picocli reads lint as the command); its usage must list every command
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "--url", "lint", "migrate");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("migrate", "downgrade", "backup", "drift", "lint");
        out.getBuffer().setLength(0);
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "--help", "lint")).isZero();
        assertThat(out.toString()).contains("downgrade", "verify", "Exit codes");
        assertThat(new CommandLine(new SlipwayCommand()).getSubcommands()).isEmpty();
    }

    @Test
    void everyCommandHasAPageInTheDocsAndARowInTheirIndex() throws IOException {
        // the tests run in slipway-cli; the docs are the repository's
        Path pages = Path.of("..", "docs", "commands");
        String index = Files.readString(pages.resolve("README.md"));
        for (Class<?> subcommand : SlipwayCommand.allSubcommands()) {
            String name = subcommand.getAnnotation(Command.class).name();
            if (subcommand == CommandLine.HelpCommand.class) continue;
            assertThat(pages.resolve(name + ".md")).as("the page of %s", name).isRegularFile();
            assertThat(index).as("the index row of %s", name).contains("(" + name + ".md)");
        }
    }
}
