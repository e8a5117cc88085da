package dev.slipway.bench;

import dev.slipway.schema.DdlScript;
import dev.slipway.schema.SchemaComparison;
import dev.slipway.schema.SchemaDdl;
import dev.slipway.schema.SchemaDifference;
import dev.slipway.schema.SchemaFilter;
import dev.slipway.schema.SchemaModel;
import dev.slipway.schema.SchemaReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Properties;

/**
 * One measured introspection and comparison in its own JVM: reads database A (cold: class loading and JIT included),
 * reads database B, reads A again (warm), compares A with B, and writes the DDL both ways. Prints one line
 * {@code RESULT coldReadMs=... readBMs=... warmReadMs=... compareMs=... ddlMs=... ddlStatements=... differences=...
 * tables=... heapPeakKb=...
 * vmHwmKb=...}, read by {@link SchemaBenchmark}.
 * <p>Arguments: {@code JDBC_URL_A JDBC_URL_B}; the superuser's password comes in {@value #PASSWORD_VARIABLE}.
 */
public final class SchemaBenchChild {
    /** The variable holding the password. */
    static final String PASSWORD_VARIABLE = "SLIPWAY_BENCH_PASSWORD";

    private SchemaBenchChild() {
    }

    public static void main(String[] args) throws Exception {
        Properties login = new Properties();
        login.setProperty("user", "postgres");
        login.setProperty("password", System.getenv(PASSWORD_VARIABLE));
        try (Connection a = DriverManager.getConnection(args[0], login);
             Connection b = DriverManager.getConnection(args[1], login)) {
            long start = System.nanoTime();
            SchemaModel first = SchemaReader.read(a, SchemaFilter.allSchemas());
            long coldRead = System.nanoTime();
            SchemaModel other = SchemaReader.read(b, SchemaFilter.allSchemas());
            long readB = System.nanoTime();
            SchemaModel again = SchemaReader.read(a, SchemaFilter.allSchemas());
            long warmRead = System.nanoTime();
            List<SchemaDifference> differences = SchemaComparison.compare(first, other);
            long compared = System.nanoTime();
            DdlScript forward = SchemaDdl.between(first, other);
            DdlScript backward = SchemaDdl.between(other, first);
            long ddl = System.nanoTime();
            if (!again.equals(first)) throw new IllegalStateException("two reads of one database differ");
            System.out.println("RESULT coldReadMs=" + ms(start, coldRead) + " readBMs=" + ms(coldRead, readB)
                    + " warmReadMs=" + ms(readB, warmRead) + " compareMs=" + ms(warmRead, compared)
                    + " ddlMs=" + ms(compared, ddl) + " ddlStatements=" + (forward.statements().size()
                    + backward.statements().size())
                    + " differences=" + differences.size() + " tables=" + first.tables().size()
                    + " heapPeakKb=" + heapPeakKb() + " vmHwmKb=" + peakResidentKb());
        }
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** The sum of the heap pools' peak usage: an upper bound of the live heap at any moment. */
    private static long heapPeakKb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) bytes += pool.getPeakUsage().getUsed();
        }
        return bytes / 1024;
    }

    /** VmHWM: the highest resident set size of this process so far, in kB. */
    private static long peakResidentKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        return -1;
    }
}
