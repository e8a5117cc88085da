package dev.slipway.migration;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds jars and compiles classes in tests, the way a user's build would. */
final class TestJars {
    private TestJars() {
    }

    /** Writes a jar of the given entries; with directory entries or, like some build tools, without them. */
    static Path jar(Path jar, Map<String, byte[]> entries, boolean directoryEntries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            Set<String> directories = new LinkedHashSet<>();
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                String name = entry.getKey();
                if (directoryEntries) {
                    for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                        String directory = name.substring(0, slash + 1);
                        if (directories.add(directory)) {
                            out.putNextEntry(new JarEntry(directory));
                            out.closeEntry();
                        }
                    }
                }
                out.putNextEntry(new JarEntry(name));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * Compiles Java sources (path below the source root to source text) against slipway-core's classes.
     *
     * @return the folder of the compiled classes
     */
    static Path compile(Path work, Map<String, String> sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) throw new IllegalStateException("the tests need a JDK, not a JRE");
        Path sourceRoot = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        String[] arguments = new String[4 + sources.size()];
        arguments[0] = "-d";
        arguments[1] = classes.toString();
        arguments[2] = "-cp";
        arguments[3] = coreClasses().toString();
        int i = 4;
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceRoot.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments[i++] = file.toString();
        }
        int status = compiler.run(null, null, null, arguments);
        if (status != 0) throw new IllegalStateException("javac failed with status " + status);
        return classes;
    }

    /** Every file below a folder, by path relative to it, as jar entries. */
    static Map<String, byte[]> entriesOf(Path folder) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                entries.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return entries;
    }

    private static Path coreClasses() {
        try {
            return Path.of(JavaMigration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
