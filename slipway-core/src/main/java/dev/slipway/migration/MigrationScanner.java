package dev.slipway.migration;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Finds the migrations in a list of {@link Location}s.
 * <p>Folders are scanned recursively; a class path location is scanned in every folder and jar of the class path
 * that has it (also jars built without directory entries), for SQL files and for Java migrations in the matching
 * package; a {@code classes:} location is scanned for Java migrations only. Each script is read once, to compute its
 * checksum, and not kept. A file reached twice (overlapping locations, a symbolic link) counts once.
 * <p>A location that does not exist is an error naming it, except a default one ({@link Location#isDefault()}),
 * which is reported as a skipped entry: a project without migrations yet is normal, whereas a configured location
 * that is missing is almost always a typo that would otherwise apply nothing and report success.
 * <p>Stateless and thread-safe.
 */
public final class MigrationScanner {
    private MigrationScanner() {
    }

    /**
     * Scans the locations in order.
     *
     * @param locations where to look
     * @param loader    loads class path resources and Java migration classes; for {@code classes:} locations use
     *                  {@link #classLoaderFor}
     * @return the migrations and skipped files, in a deterministic order
     * @throws MigrationException       if a location is missing (unless default) or cannot be read
     * @throws MigrationFormatException if a script is not UTF-8
     */
    public static ScanResult scan(List<Location> locations, ClassLoader loader) {
        return scan(locations, loader, Placeholders.none());
    }

    /**
     * Scans the locations in order; the scripts found are read with {@code placeholders} replaced (their checksums
     * are of the files as written).
     *
     * @param locations    where to look
     * @param loader       as for {@link #scan(List, ClassLoader)}
     * @param placeholders the values of the scripts' {@code ${name}} placeholders
     * @return the migrations and skipped files, in a deterministic order
     */
    public static ScanResult scan(List<Location> locations, ClassLoader loader, Placeholders placeholders) {
        Objects.requireNonNull(locations, "locations");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(placeholders, "placeholders");
        try (Scan scan = new Scan(loader, placeholders)) {
            for (Location location : locations) {
                scan.location(location);
            }
            return new ScanResult(scan.scripts, scan.javaMigrations, scan.skipped, scan.checks, scan.callbacks);
        }
    }

    /**
     * {@return a class loader that sees the jars and class folders of the {@code classes:} locations, on top of
     * {@code parent}} The caller closes it once the migrations have run. With no such location it loads nothing
     * itself.
     *
     * @param locations the locations, of which only {@code classes:} ones count
     * @param parent    the loader of the application, which must see slipway-core
     */
    public static URLClassLoader classLoaderFor(List<Location> locations, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        for (Location location : locations) {
            if (location instanceof Location.Classes classes) {
                try {
                    urls.add(classes.path().toAbsolutePath().toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new MigrationException("cannot use " + location + " as a class path entry: " + e, e);
                }
            }
        }
        return new URLClassLoader("slipway-migrations", urls.toArray(URL[]::new), parent);
    }

    /** One scan's results and the jars it keeps open while computing checksums. */
    private static final class Scan implements AutoCloseable {
        private final ClassLoader loader;
        private final Placeholders placeholders;
        private final List<MigrationScript> scripts = new ArrayList<>();
        private final List<JavaMigrationClass> javaMigrations = new ArrayList<>();
        private final List<SkippedFile> skipped = new ArrayList<>();
        private final List<CheckScript> checks = new ArrayList<>();
        private final List<CallbackScript> callbacks = new ArrayList<>();
        private final Set<Object> seen = new HashSet<>();
        private final Map<Path, JarFile> openJars = new HashMap<>();

        Scan(ClassLoader loader, Placeholders placeholders) {
            this.placeholders = placeholders;
            this.loader = loader;
        }

        void location(Location location) {
            if (location instanceof Location.Filesystem filesystem) {
                folder(filesystem);
            } else if (location instanceof Location.Classpath classpath) {
                classpath(classpath);
            } else if (location instanceof Location.Classes classes) {
                classes(classes);
            } else {
                throw new AssertionError(location);
            }
        }

        private void folder(Location.Filesystem location) {
            Path dir = location.dir();
            if (!Files.exists(dir)) {
                missing(location, dir.toAbsolutePath().toString());
                return;
            }
            if (!Files.isDirectory(dir)) {
                throw new MigrationException("migration location " + location + " is a file, not a folder");
            }
            for (LocationFiles.Found found : LocationFiles.inFolder(dir)) {
                Path file = dir.resolve(found.name());
                if (seen.add(realPath(file))) script(found, ScriptSource.ofFile(file));
            }
        }

        private void classpath(Location.Classpath location) {
            Optional<List<LocationFiles.Found>> files = LocationFiles.onClassPath(loader, location.path());
            if (files.isEmpty()) {
                missing(location, "no folder or jar of the class path has " + location.path() + "/");
                return;
            }
            for (LocationFiles.Found found : files.get()) {
                if (found.name().endsWith(".class")) {
                    javaClass(found, false);
                } else if (seen.add(found.root().resolve(found.name()))) {
                    script(found, found.inJar()
                            ? new ScriptSources.JarEntrySource(found.root(), found.name())
                            : ScriptSource.ofFile(found.root().resolve(found.name())));
                }
            }
        }

        private void classes(Location.Classes location) {
            if (!Files.exists(location.path())) {
                throw new MigrationException("migration location " + location + " does not exist ("
                        + location.path().toAbsolutePath() + "); give the jar or class folder of your Java "
                        + "migrations");
            }
            for (LocationFiles.Found found : LocationFiles.inJarOrFolder(location.path())) {
                if (found.name().endsWith(".class")) javaClass(found, true);
            }
        }

        private void missing(Location location, String detail) {
            if (!location.isDefault()) {
                throw new MigrationException("migration location " + location + " does not exist (" + detail
                        + "); check the locations in slipway.toml or --locations");
            }
            skipped.add(new SkippedFile(location.toString(), "the default location does not exist: no migrations"));
        }

        private void script(LocationFiles.Found found, ScriptSource source) {
            if (CheckScript.isCheck(found.fileName())) {
                // read when verify runs it; the scan only notes where it is
                checks.add(new CheckScript(found.display(), source));
                return;
            }
            Optional<CallbackScript.Event> event = CallbackScript.eventOf(found.fileName());
            if (event.isPresent()) {
                callbacks.add(new CallbackScript(event.get(), found.display(),
                        placeholders.applyTo(source, found.display())));
                return;
            }
            NameParse parse = MigrationName.parse(found.fileName());
            if (parse instanceof NameParse.Migration migration) {
                int checksum = Checksums.crc32(found.inJar() ? fromOpenJar(found) : source, found.display());
                scripts.add(new MigrationScript(migration.name(), found.display(), checksum,
                        placeholders.applyTo(source, found.display())));
            } else if (parse instanceof NameParse.NotAMigration not) {
                skipped.add(new SkippedFile(found.display(), not.reason(), false));
            } else if (parse instanceof NameParse.Malformed malformed) {
                skipped.add(new SkippedFile(found.display(), malformed.reason(), true));
            } else {
                throw new AssertionError(parse);
            }
        }

        /** Reads an entry through a jar kept open for the scan: reopening a jar per entry is slow for big jars. */
        private ScriptSource fromOpenJar(LocationFiles.Found found) {
            return () -> {
                JarFile jar = openJars.get(found.root());
                if (jar == null) {
                    jar = new JarFile(found.root().toFile());
                    openJars.put(found.root(), jar);
                }
                JarEntry entry = jar.getJarEntry(found.name());
                if (entry == null) throw new IOException(found.name() + " disappeared from " + found.root());
                return jar.getInputStream(entry);
            };
        }

        private void javaClass(LocationFiles.Found found, boolean mustLoad) {
            String className = found.name().substring(0, found.name().length() - ".class".length()).replace('/', '.');
            String simpleName = className.substring(className.lastIndexOf('.') + 1);
            if (simpleName.equals("module-info") || simpleName.equals("package-info") || !seen.add(className)) return;
            Class<?> type;
            try {
                type = Class.forName(className, false, loader);
            } catch (ClassNotFoundException e) {
                if (!mustLoad) return;
                throw new MigrationException("class " + className + " in " + found.root() + " cannot be loaded by "
                        + "the given class loader; load classes: locations with MigrationScanner.classLoaderFor", e);
            } catch (LinkageError e) {
                // An application jar is full of classes whose dependencies are elsewhere; only say so for
                // classes named like migrations.
                if (!(MigrationName.parseClassName(simpleName, className) instanceof NameParse.NotAMigration)) {
                    skipped.add(new SkippedFile(className, "cannot load the class: " + e, true));
                }
                return;
            }
            if (!isCandidate(type)) return;
            if (!JavaMigration.class.isAssignableFrom(type)) {
                if (implementsForeignJavaMigration(type)) {
                    skipped.add(new SkippedFile(className, "implements JavaMigration from another copy of "
                            + "slipway-core; remove that copy from the migrations' class path", true));
                }
                return;
            }
            Class<? extends JavaMigration> migrationType = type.asSubclass(JavaMigration.class);
            NameParse parse = JavaMigrationClass.resolve(migrationType);
            if (parse instanceof NameParse.Migration migration) {
                javaMigrations.add(new JavaMigrationClass(migration.name(), migrationType, placeholders));
            } else if (parse instanceof NameParse.Malformed malformed) {
                skipped.add(new SkippedFile(className, malformed.reason(), true));
            } else if (parse instanceof NameParse.NotAMigration not) {
                skipped.add(new SkippedFile(className, not.reason(), true));
            } else {
                throw new AssertionError(parse);
            }
        }

        private static boolean isCandidate(Class<?> type) {
            return !type.isInterface() && !Modifier.isAbstract(type.getModifiers()) && !type.isAnonymousClass()
                    && !type.isLocalClass() && !type.isSynthetic();
        }

        private static boolean implementsForeignJavaMigration(Class<?> type) {
            for (Class<?> current = type; current != null; current = current.getSuperclass()) {
                for (Class<?> implemented : current.getInterfaces()) {
                    if (implemented.getName().equals(JavaMigration.class.getName())) return true;
                }
            }
            return false;
        }

        private static Object realPath(Path file) {
            try {
                return file.toRealPath();
            } catch (IOException e) {
                return file.toAbsolutePath().normalize();
            }
        }

        @Override
        public void close() {
            for (JarFile jar : openJars.values()) {
                try {
                    jar.close();
                } catch (IOException e) {
                    // Only read from; nothing is lost.
                }
            }
        }
    }
}
