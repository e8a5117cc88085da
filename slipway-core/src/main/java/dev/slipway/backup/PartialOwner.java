package dev.slipway.backup;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process writing a partial dump, named in the partial's name ({@code .<id>.partial-<pid>-<start>@<host>-<random>})
 * so that a later backup can tell a partial whose writer was killed (SIGKILL, a crash, a lost machine: no clean-up
 * runs) from one a running backup is still writing. The start time guards against a reused pid, and the host
 * against a backup folder shared between machines, whose processes cannot be seen from here: a partial of another
 * host is never taken for dead. Immutable.
 *
 * @param pid   the writer's process id
 * @param start when the writer started, in seconds since the epoch
 * @param host  the writer's host name, as written in names
 */
record PartialOwner(long pid, long start, String host) {
    /** The tag in a partial's name; what precedes it is {@code .<id>}. */
    static final String TAG = ".partial-";
    private static final Pattern NAME = Pattern.compile("^\\..+\\.partial-(\\d{1,10})-(\\d{1,12})@([A-Za-z0-9._-]+)"
            + "-[0-9a-f]{12}$");
    /** How far two readings of a process's start time may differ (it is derived from the boot time and ticks). */
    private static final long START_TOLERANCE_SECONDS = 2;

    /** {@return this process, on this host} */
    static PartialOwner current() {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(Instant::getEpochSecond).orElse(0L);
        return new PartialOwner(self.pid(), start, localHost());
    }

    /** {@return the owner a partial's file name records; empty for a name of another form} */
    static Optional<PartialOwner> ofName(String name) {
        Matcher parts = NAME.matcher(name);
        if (!parts.matches()) return Optional.empty();
        return Optional.of(new PartialOwner(Long.parseLong(parts.group(1)), Long.parseLong(parts.group(2)),
                parts.group(3)));
    }

    /** {@return the part of a partial's name after {@link #TAG}, before the random suffix} */
    String nameTag() {
        return pid + "-" + start + "@" + host;
    }

    /**
     * {@return whether the writer is known to be gone: it ran on this host and no process with its pid and start
     * time runs now; when in doubt (another host, a start time that cannot be read), it is taken to be alive}
     */
    boolean gone() {
        if (!host.equals(localHost())) return false;
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) return true;
        return process.get().info().startInstant()
                .map(started -> Math.abs(started.getEpochSecond() - start) > START_TOLERANCE_SECONDS)
                .orElse(false);
    }

    /** The kernel's host name (a container's own), without a name lookup that could wait on DNS. */
    private static String localHost() {
        String name;
        try {
            name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
        } catch (IOException | SecurityException notLinux) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                name = "localhost";
            }
        }
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "localhost" : safe;
    }
}
