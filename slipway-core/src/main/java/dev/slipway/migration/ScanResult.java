package dev.slipway.migration;

import java.util.List;
import java.util.function.Predicate;

/**
 * What a scan found, in a deterministic order: locations in the order given, and within one location by path
 * (and by class name for Java migrations).
 *
 * @param scripts        the SQL migrations
 * @param javaMigrations the Java migrations
 * @param skipped        files and classes that are not migrations, with the reason
 * @param checks         verification files next to migrations ({@code V3__add_x.check.sql}), for
 *                       {@code slipway verify}; neither migrations nor skipped
 * @param callbacks      the Flyway callback scripts Slipway runs ({@code beforeMigrate.sql}, {@code afterMigrate.sql})
 */
public record ScanResult(List<MigrationScript> scripts, List<JavaMigrationClass> javaMigrations,
                         List<SkippedFile> skipped, List<CheckScript> checks, List<CallbackScript> callbacks) {

    /** Copies the lists. */
    public ScanResult {
        scripts = List.copyOf(scripts);
        javaMigrations = List.copyOf(javaMigrations);
        skipped = List.copyOf(skipped);
        checks = List.copyOf(checks);
        callbacks = List.copyOf(callbacks);
    }

    /** A scan that found no callbacks. */
    public ScanResult(List<MigrationScript> scripts, List<JavaMigrationClass> javaMigrations,
                      List<SkippedFile> skipped, List<CheckScript> checks) {
        this(scripts, javaMigrations, skipped, checks, List.of());
    }

    /** {@return the migrations whose names pass {@code kept}, with the same skipped files, checks and callbacks} */
    public ScanResult only(Predicate<MigrationName> kept) {
        return new ScanResult(scripts.stream().filter(m -> kept.test(m.name())).toList(),
                javaMigrations.stream().filter(m -> kept.test(m.name())).toList(), skipped, checks, callbacks);
    }

    /** A scan that found no check files. */
    public ScanResult(List<MigrationScript> scripts, List<JavaMigrationClass> javaMigrations,
                      List<SkippedFile> skipped) {
        this(scripts, javaMigrations, skipped, List.of());
    }
}
