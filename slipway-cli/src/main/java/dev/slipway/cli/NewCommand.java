package dev.slipway.cli;

import dev.slipway.ExitStatus;
import dev.slipway.SlipwayException;
import dev.slipway.migration.Scaffold;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway new DESC [--java] [--data]}: scaffolds a migration and its down migration. */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write a new migration (V file) and its down migration (U file), numbered after"
        + " the newest one.")
final class NewCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "DESCRIPTION", description = "What the migration does.")
    String description;

    @Option(names = "--java", description = "Write a Java migration class instead.")
    boolean java;

    @Option(names = "--data", description = "Write a data-migration (batched backfill) template.")
    boolean data;

    @Override
    public Integer call() {
        String[] locations = options().locations == null ? new String[] {"db/migration"} : options().locations;
        String location = locations[0];
        if (location.startsWith("classpath:")) {
            throw SlipwayException.badInput("cannot write into a class path location: " + location, "--locations",
                    "give a folder, e.g. --locations src/main/resources/db/migration");
        }
        Path folder = Path.of(location.startsWith("filesystem:") ? location.substring("filesystem:".length())
                : location);
        Scaffold.Written written;
        try {
            written = Scaffold.write(folder, new Scaffold.Request(description, java, data), LocalDateTime.now());
        } catch (FileAlreadyExistsException e) {
            throw SlipwayException.badInput("file exists already: " + e.getFile(), folder.toString(),
                    "pick another description or remove the file");
        } catch (IOException e) {
            throw SlipwayException.badInput("could not write into " + folder + ": " + e.getMessage(),
                    folder.toString(), "check the folder and its permissions");
        }
        if (output().json()) {
            output().document(written);
        } else {
            for (Path file : written.files()) output().line("created " + file);
        }
        return ExitStatus.OK.code();
    }
}
