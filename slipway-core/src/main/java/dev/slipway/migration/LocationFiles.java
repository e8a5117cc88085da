package dev.slipway.migration;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Lists the files under a location: in a folder, or in the folders and jars of a class path. Names only; the
 * content is read by the caller, one file at a time. Names starting with a dot ({@code .git}, {@code .DS_Store})
 * are left out.
 */
final class LocationFiles {

    /**
     * A file under a location.
     *
     * @param name    its path below the root of its folder or class path entry, with {@code /}
     * @param display how messages name it
     * @param root    the folder or jar it is in
     * @param inJar   whether {@code root} is a jar
     */
    record Found(String name, String display, Path root, boolean inJar) {
        String fileName() {
            return name.substring(name.lastIndexOf('/') + 1);
        }
    }

    /** A folder or jar of a class path, by its real path so that one reached by two names is scanned once. */
    private record Root(Path path, boolean jar) {
        Root {
            path = realPath(path);
        }
    }

    private LocationFiles() {
    }

    /** Every file in a folder and its sub-folders, ordered by relative path. */
    static List<Found> inFolder(Path dir) {
        String prefix = dir.toString().replace(File.separatorChar, '/');
        List<Found> found = new ArrayList<>();
        for (Path file : walk(dir)) {
            String relative = dir.relativize(file).toString().replace(File.separatorChar, '/');
            found.add(new Found(relative, prefix.isEmpty() ? relative : prefix + "/" + relative, dir, false));
        }
        found.sort(Comparator.comparing(Found::name));
        return found;
    }

    /** Every file in a jar or class folder, ordered by name. */
    static List<Found> inJarOrFolder(Path jarOrFolder) {
        if (Files.isDirectory(jarOrFolder)) {
            List<Found> found = new ArrayList<>();
            for (Path file : walk(jarOrFolder)) {
                String relative = jarOrFolder.relativize(file).toString().replace(File.separatorChar, '/');
                found.add(new Found(relative, relative, jarOrFolder, false));
            }
            found.sort(Comparator.comparing(Found::name));
            return found;
        }
        return inJar(jarOrFolder, "");
    }

    /**
     * Every file under a resource folder in the class path's folders and jars, ordered by name and then class path
     * order; empty if no entry of the class path has that folder.
     */
    static Optional<List<Found>> onClassPath(ClassLoader loader, String path) {
        List<Root> roots = rootsHaving(loader, path);
        if (roots.isEmpty()) return Optional.empty();
        List<Found> found = new ArrayList<>();
        for (Root root : roots) {
            if (root.jar()) {
                found.addAll(inJar(root.path(), path + "/"));
            } else {
                for (Path file : walk(root.path().resolve(path))) {
                    String name = root.path().relativize(file).toString().replace(File.separatorChar, '/');
                    found.add(new Found(name, name, root.path(), false));
                }
            }
        }
        // A stable sort keeps class path order among equal names.
        found.sort(Comparator.comparing(Found::name));
        return Optional.of(found);
    }

    private static List<Found> inJar(Path jar, String prefix) {
        List<Found> found = new ArrayList<>();
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(jarFile.entries())) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(prefix) || isHidden(name)) continue;
                found.add(new Found(name, jar.getFileName() + "!/" + name, jar, true));
            }
        } catch (IOException e) {
            throw new MigrationException("cannot read jar " + jar + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(Found::name));
        return found;
    }

    private static boolean isHidden(String name) {
        for (String segment : name.split("/")) {
            if (segment.startsWith(".")) return true;
        }
        return false;
    }

    private static List<Path> walk(Path dir) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                            boolean hidden = !folder.equals(dir) && folder.getFileName().toString().startsWith(".");
                            return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            if (attributes.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
                                files.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            // A symbolic link back up the tree would be walked forever; it adds no files.
                            if (e instanceof FileSystemLoopException) return FileVisitResult.CONTINUE;
                            throw e;
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            throw new MigrationException("cannot read migration folder " + dir + ": " + e, e);
        }
        return files;
    }

    /**
     * The folders and jars of the class path that contain the resource folder. Asking the loader finds folders and
     * jars with directory entries; jars built without directory entries are found by looking into each jar the
     * loader's chain names.
     */
    private static List<Root> rootsHaving(ClassLoader loader, String path) {
        Set<Root> roots = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(path))) {
                roots.add(rootOf(url, path));
            }
        } catch (IOException e) {
            throw new MigrationException("cannot look up classpath:" + path + ": " + e, e);
        }
        for (Path jar : jarsOf(loader)) {
            Root root = new Root(jar, true);
            if (!roots.contains(root) && jarHas(jar, path + "/")) roots.add(root);
        }
        return List.copyOf(roots);
    }

    private static Root rootOf(URL url, String path) {
        try {
            if (url.getProtocol().equals("file")) {
                Path folder = Path.of(url.toURI()).normalize();
                Path root = folder;
                for (int i = 0; i < path.split("/").length; i++) {
                    root = root.getParent();
                }
                return new Root(root, false);
            }
            String spec = url.getFile();
            int separator = spec.indexOf("!/");
            if (url.getProtocol().equals("jar") && separator > 0 && spec.startsWith("file:")) {
                return new Root(Path.of(new URL(spec.substring(0, separator)).toURI()).normalize(), true);
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            throw new MigrationException("cannot list classpath:" + path + " in " + url + ": " + e, e);
        }
        throw new MigrationException("cannot list classpath:" + path + " in " + url + ": only folders and jar files "
                + "can be scanned; give the folder as a filesystem: location instead");
    }

    /** Jar files named by the loader's chain: URL class loaders' URLs and the JVM's class path with its manifests. */
    private static Set<Path> jarsOf(ClassLoader loader) {
        Set<Path> jars = new LinkedHashSet<>();
        ClassLoader system = ClassLoader.getSystemClassLoader();
        for (ClassLoader current = loader; current != null; current = current.getParent()) {
            if (current instanceof URLClassLoader urlLoader) {
                for (URL url : urlLoader.getURLs()) {
                    fileOf(url).ifPresent(file -> addJar(file, jars));
                }
            }
            if (current == system) {
                for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                    if (!entry.isEmpty()) addJar(Path.of(entry).toAbsolutePath().normalize(), jars);
                }
            }
        }
        return jars;
    }

    /** Adds a jar and, as the JVM does, the jars its manifest's {@code Class-Path} names. */
    private static void addJar(Path file, Set<Path> jars) {
        if (!Files.isRegularFile(file) || !jars.add(file)) return;
        try (JarFile jar = new JarFile(file.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null
                    ? null
                    : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) return;
            for (String relative : classPath.trim().split("\\s+")) {
                if (relative.isEmpty()) continue;
                fileOf(new URL(file.toUri().toURL(), relative)).ifPresent(next -> addJar(next, jars));
            }
        } catch (IOException e) {
            // Not a readable jar: the JVM ignores it too.
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static Optional<Path> fileOf(URL url) {
        if (!url.getProtocol().equals("file")) return Optional.empty();
        try {
            return Optional.of(Path.of(url.toURI()).toAbsolutePath().normalize());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean jarHas(Path jar, String prefix) {
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            return jarFile.stream().anyMatch(entry -> entry.getName().startsWith(prefix));
        } catch (IOException e) {
            return false;
        }
    }
}
