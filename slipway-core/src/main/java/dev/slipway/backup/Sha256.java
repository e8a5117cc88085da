package dev.slipway.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/** SHA-256 checksums of dump files and folders, read in fixed-size chunks whatever their size. Stateless. */
final class Sha256 {
    static final int CHUNK = 1 << 20;

    private Sha256() {
    }

    /**
     * The checksums of a directory-format dump.
     *
     * @param files    each file's checksum by name
     * @param combined the checksum of the lines {@code <sha256>  <name>} in name order ({@code sha256sum}'s format)
     * @param size     the total size in bytes
     */
    record FolderSums(Map<String, String> files, String combined, long size) {
    }

    /** {@return a new SHA-256 digest} */
    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** {@return the hex checksum of a file} */
    static String ofFile(Path file) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** {@return the checksums of the files of a folder (not its sub-folders), {@code threads} files at a time} */
    static FolderSums ofFolder(Path folder, int threads) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "sha256");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<String>> sums = new ArrayList<>();
            for (Path file : files) {
                sums.add(pool.submit(() -> ofFile(file)));
            }
            Map<String, String> byName = new TreeMap<>();
            long size = 0;
            for (int i = 0; i < files.size(); i++) {
                byName.put(files.get(i).getFileName().toString(), sums.get(i).get());
                size += Files.size(files.get(i));
            }
            return new FolderSums(byName, combine(byName), size);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new UncheckedIOException(new IOException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while computing checksums", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@return the checksum of the lines {@code <sha256>  <name>\n} in name order} */
    static String combine(Map<String, String> files) {
        MessageDigest digest = digest();
        new TreeMap<>(files).forEach((name, sum) -> digest.update((sum + "  " + name + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }
}
