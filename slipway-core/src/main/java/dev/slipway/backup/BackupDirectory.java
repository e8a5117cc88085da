package dev.slipway.backup;

import dev.slipway.SlipwayException;
import dev.slipway.config.BackupFormat;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder that holds backups: {@code <id>.dump} (custom format) or {@code <id>/} (directory format) and
 * {@code <id>.json}, the manifest. A dump is written under a hidden temporary name ({@code .<id>.partial-...}) and
 * renamed once it is complete, synced and verified, so no partial dump ever has a final name; the temporary name
 * records the writing process, so that {@link #sweep()} can remove what a killed backup left. Everything is
 * created readable by its owner only. Not thread-safe.
 */
final class BackupDirectory {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_FOLDER =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final String MANIFEST = ".json";
    private static final String CUSTOM = ".dump";

    private final Path root;
    private PartialOwner owner;

    BackupDirectory(Path root) {
        this.root = root;
    }

    /** {@return the folder} */
    Path root() {
        return root;
    }

    /**
     * Creates the folder if it is missing.
     *
     * @throws SlipwayException (bad usage) when it cannot be created
     */
    void prepare() {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw unusable(root + " exists but is not a folder");
        }
        try {
            if (!Files.isDirectory(root)) Files.createDirectories(root, OWNER_FOLDER);
        } catch (IOException e) {
            throw unusable("could not create " + root + ": " + reason(e));
        }
    }

    /** {@return a new id, {@code <database>-<revision>-<UTC timestamp>}, with a suffix if that name is taken} */
    String newId(String database, String revision, Instant at) {
        String base = database.replaceAll("[^A-Za-z0-9_.]", "_") + "-" + (revision == null ? "none" : revision)
                + "-" + STAMP.format(at);
        String id = base;
        for (int n = 2; taken(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private boolean taken(String id) {
        return Files.exists(manifestFile(id)) || Files.exists(root.resolve(id + CUSTOM))
                || Files.exists(root.resolve(id));
    }

    /** {@return the name of the dump of backup {@code id} in {@code format}} */
    static String dumpName(String id, BackupFormat format) {
        return format == BackupFormat.DIRECTORY ? id : id + CUSTOM;
    }

    /** {@return where the manifest of backup {@code id} is} */
    Path manifestFile(String id) {
        return root.resolve(id + MANIFEST);
    }

    /**
     * {@return a new, empty temporary file (custom format) or folder (directory format) for the dump of {@code id}}
     *
     * @throws SlipwayException (bad usage) when the folder is not writable
     */
    Path createTemporary(String id, BackupFormat format) {
        Path temporary = temporaryName(id);
        try {
            return format == BackupFormat.DIRECTORY ? Files.createDirectory(temporary, OWNER_FOLDER)
                    : Files.createFile(temporary, OWNER_FILE);
        } catch (IOException e) {
            throw unusable("could not write to " + root + ": " + reason(e));
        }
    }

    private Path temporaryName(String id) {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        return root.resolve("." + id + PartialOwner.TAG + owner().nameTag() + "-" + HexFormat.of().formatHex(random));
    }

    private PartialOwner owner() {
        if (owner == null) owner = PartialOwner.current();
        return owner;
    }

    /**
     * Removes the partial dumps (and manifests) whose writer is gone: a backup killed with SIGKILL, or on a machine
     * that crashed, had no chance to remove its own. A partial that a running backup is writing is left alone, as is
     * one whose writer cannot be known (written on another host, or named otherwise).
     *
     * @return the removed paths
     */
    List<Path> sweep() throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(root)) return removed;
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(root, ".*" + PartialOwner.TAG + "*")) {
            for (Path partial : partials) {
                Optional<PartialOwner> writer = PartialOwner.ofName(partial.getFileName().toString());
                if (writer.isPresent() && writer.get().gone()) {
                    deleteTree(partial);
                    removed.add(partial);
                }
            }
        }
        return removed;
    }

    /**
     * Syncs a finished dump to disk and renames it to its final name, which must be free.
     *
     * @return the final path
     */
    Path publish(Path temporary, String finalName) throws IOException {
        Path target = root.resolve(finalName);
        if (Files.isDirectory(temporary)) {
            try (Stream<Path> files = Files.list(temporary)) {
                for (Path file : files.toList()) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    sync(file);
                }
            }
        }
        sync(temporary);
        if (Files.exists(target)) throw new FileAlreadyExistsException(target.toString());
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        sync(root);
        return target;
    }

    /** Writes {@code manifest} (replacing an earlier version of it) by writing a temporary file and renaming it. */
    Path writeManifest(BackupManifest manifest) throws IOException {
        Path target = manifestFile(manifest.id());
        Path temporary = temporaryName(manifest.id() + MANIFEST);
        try {
            Files.createFile(temporary, OWNER_FILE);
            Files.writeString(temporary, manifest.toJson(), StandardCharsets.UTF_8, StandardOpenOption.WRITE);
            sync(temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            sync(root);
            return target;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** {@return the backups whose manifests are in the folder, newest first; none when the folder is missing} */
    BackupListing list() {
        List<StoredBackup> backups = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        if (!Files.isDirectory(root)) return new BackupListing(root, backups, unreadable, List.of());
        try (DirectoryStream<Path> manifests = Files.newDirectoryStream(root, "*" + MANIFEST)) {
            for (Path manifest : manifests) {
                if (manifest.getFileName().toString().startsWith(".")) continue;
                try {
                    backups.add(load(manifest));
                } catch (ManifestJson.Unreadable e) {
                    unreadable.add(manifest + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw SlipwayException.badInput("could not read the backup directory " + root + ": " + reason(e),
                    "[backup] directory = \"" + root + "\"", "check its permissions, or give another --directory");
        }
        backups.sort(newestFirst());
        return new BackupListing(root, backups, unreadable, List.of());
    }

    /** Newest first by the time the dump started; the id breaks ties. */
    static Comparator<StoredBackup> newestFirst() {
        return Comparator.comparing((StoredBackup b) -> b.manifest().createdAt())
                .thenComparing(StoredBackup::id).reversed();
    }

    /**
     * {@return the backup {@code reference} names: an id in this folder, or the path of a dump or manifest}
     *
     * @throws SlipwayException (bad usage) when there is none, or it is not a Slipway backup
     */
    StoredBackup resolve(String reference) {
        Path given = Path.of(reference);
        Path manifest;
        if (reference.contains("/") || Files.exists(given)) {
            String name = given.getFileName().toString();
            manifest = name.endsWith(MANIFEST) ? given
                    : given.resolveSibling((name.endsWith(CUSTOM) ? name.substring(0, name.length() - CUSTOM.length())
                            : name) + MANIFEST);
            if (!Files.isRegularFile(manifest)) {
                throw SlipwayException.badInput(given + " is not a Slipway backup: there is no manifest " + manifest
                        + " next to it", reference, "restore a backup made by `slipway backup` (`slipway backups`"
                        + " lists them); restore other dumps with pg_restore yourself");
            }
        } else {
            manifest = manifestFile(reference);
            if (!Files.isRegularFile(manifest)) {
                throw SlipwayException.badInput("there is no backup " + reference + " in " + root, reference,
                        "run `slipway backups` to list them, or give the path of the backup");
            }
        }
        try {
            return load(manifest);
        } catch (ManifestJson.Unreadable e) {
            throw SlipwayException.badInput(manifest + " is not a readable backup manifest: " + e.getMessage(),
                    manifest.toString(), "restore another backup; `slipway backups` lists them");
        }
    }

    private static StoredBackup load(Path manifestFile) throws ManifestJson.Unreadable {
        String text;
        try {
            text = Files.readString(manifestFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ManifestJson.Unreadable("could not read it: " + reason(e));
        }
        BackupManifest manifest = ManifestJson.read(text);
        if (manifest.file() == null) return new StoredBackup(manifestFile, null, manifest);
        Path file = Path.of(manifest.file());
        if (file.getNameCount() != 1 || file.isAbsolute() || manifest.file().equals("..")
                || manifest.file().equals(".")) {
            throw new ManifestJson.Unreadable("its file \"" + manifest.file() + "\" is not a name in the same folder");
        }
        Path folder = manifestFile.toAbsolutePath().getParent();
        return new StoredBackup(manifestFile, folder.resolve(manifest.file()), manifest);
    }

    /**
     * Removes the oldest backups of the database {@code newest} was taken of (same host, port and name), so that
     * {@code keep} remain, {@code newest} among them.
     *
     * @return the ids removed, oldest last
     */
    List<String> prune(BackupManifest newest, int keep) throws IOException {
        if (keep <= 0) return List.of();
        List<StoredBackup> same = list().backups().stream()
                .filter(b -> !b.id().equals(newest.id()))
                .filter(b -> b.manifest().database().equals(newest.database())
                        && Objects.equals(b.manifest().host(), newest.host())
                        && b.manifest().port() == newest.port())
                .toList();
        List<String> removed = new ArrayList<>();
        for (StoredBackup old : same.subList(Math.min(same.size(), keep - 1), same.size())) {
            if (old.location() != null) deleteTree(old.location());
            Files.deleteIfExists(old.manifestFile());
            removed.add(old.id());
        }
        return removed;
    }

    /** Deletes a file, or a folder with everything in it; a missing one is fine. */
    static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : children.toList()) {
                    deleteTree(child);
                }
            }
        }
        try {
            Files.deleteIfExists(path);
        } catch (NoSuchFileException gone) {
            // removed meanwhile
        }
    }

    /** Forces a file's or folder's data and metadata to disk, so a backup survives a crash right after it. */
    private static void sync(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!Files.isDirectory(path)) throw e;
            // some file systems cannot sync a folder; the data itself was synced
        }
    }

    private SlipwayException unusable(String what) {
        return SlipwayException.badInput("the backup directory cannot be used: " + what, "[backup] directory = \""
                + root + "\"", "make it a writable folder, or set [backup] directory (or --directory) to one");
    }

    /** {@return the operating system's reason, e.g. "Read-only file system"} */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) return fs.getReason();
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileAlreadyExistsException) return "a file of that name already exists";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
