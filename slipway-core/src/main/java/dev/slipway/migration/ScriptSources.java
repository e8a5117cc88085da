package dev.slipway.migration;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** The implementations behind {@link ScriptSource}'s factories. */
final class ScriptSources {
    private ScriptSources() {
    }

    /** A script in a file. */
    record FileSource(Path file) implements ScriptSource {
        FileSource {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public InputStream openStream() throws IOException {
            return Files.newInputStream(file);
        }
    }

    /** A script behind a URL, typically a class path resource. */
    record UrlSource(URL url) implements ScriptSource {
        UrlSource {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public InputStream openStream() throws IOException {
            URLConnection connection = url.openConnection();
            // The JDK's jar cache would keep every scanned jar open for the life of the JVM.
            connection.setUseCaches(false);
            return connection.getInputStream();
        }
    }

    /** A script inside a jar file; the jar is opened for each read and closed with the stream. */
    record JarEntrySource(Path jar, String entry) implements ScriptSource {
        JarEntrySource {
            Objects.requireNonNull(jar, "jar");
            Objects.requireNonNull(entry, "entry");
        }

        @Override
        public InputStream openStream() throws IOException {
            JarFile jarFile = new JarFile(jar.toFile());
            try {
                JarEntry jarEntry = jarFile.getJarEntry(entry);
                if (jarEntry == null) throw new FileNotFoundException(entry + " is no longer in " + jar);
                return new FilterInputStream(jarFile.getInputStream(jarEntry)) {
                    @Override
                    public void close() throws IOException {
                        try {
                            super.close();
                        } finally {
                            jarFile.close();
                        }
                    }
                };
            } catch (IOException | RuntimeException e) {
                jarFile.close();
                throw e;
            }
        }
    }

    /** A script held as text. */
    record TextSource(String text) implements ScriptSource {
        TextSource {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public InputStream openStream() {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "TextSource[" + text.length() + " chars]";
        }
    }
}
