package dev.slipway.bench;

import dev.slipway.Slipway;
import dev.slipway.backup.BackupListener;
import dev.slipway.backup.BackupRequest;
import dev.slipway.backup.BackupResult;
import dev.slipway.backup.RestoreRequest;
import dev.slipway.config.BackupFormat;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One measured Slipway backup or restore in its own JVM, as {@code slipway backup} / {@code slipway restore} would
 * run it: {@code Slipway.configure().url(...).load()}, then {@code backup} or {@code restore}. Prints one line,
 * {@code RESULT id=... libraryMs=... jvmStartMs=... vmHwmKb=...}, read by {@link BackupBenchmark}.
 * <p>Arguments: {@code backup MIGRATIONS DIR FORMAT JOBS} or {@code restore MIGRATIONS DIR ID JOBS DATABASE}; the
 * URL, which holds the password, comes in the variable {@value #URL_VARIABLE}, not on the command line.
 */
public final class BackupBenchChild {
    /** The variable holding the database URL. */
    static final String URL_VARIABLE = "SLIPWAY_BENCH_URL";

    private BackupBenchChild() {
    }

    public static void main(String[] args) throws Exception {
        long libraryStart = System.nanoTime();
        long jvmStartMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        Slipway slipway = Slipway.configure().url(System.getenv(URL_VARIABLE)).locations(args[1])
                .backupDirectory(Path.of(args[2])).load();
        String id;
        if (args[0].equals("backup")) {
            BackupResult made = slipway.backup(BackupRequest.wholeDatabase()
                    .withFormat(BackupFormat.parse(args[3])).withJobs(Integer.parseInt(args[4])), BackupListener.NONE);
            id = made.backup().id();
        } else {
            id = args[3];
            slipway.restore(RestoreRequest.of(id, args[5]).withJobs(Integer.parseInt(args[4])), BackupListener.NONE);
        }
        long libraryMs = (System.nanoTime() - libraryStart) / 1_000_000;
        System.out.println("RESULT id=" + id + " libraryMs=" + libraryMs + " jvmStartMs=" + jvmStartMs
                + " vmHwmKb=" + peakResidentKb());
    }

    /** VmHWM: the highest resident set size of this process so far, in kB. */
    private static long peakResidentKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        return -1;
    }
}
