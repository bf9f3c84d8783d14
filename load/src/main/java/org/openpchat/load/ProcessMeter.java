package org.openpchat.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time and resident memory of this process and, when their pids are known, of the server's
 * processes (from /proc, Linux): one GlassFish, or every node of a pool on this machine, summed.
 * CPU times are in seconds; -1 where unknown (also when any one of the processes cannot be read).
 */
final class ProcessMeter {

    /** USER_HZ: the unit of /proc/PID/stat's times on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final List<Long> serverPids;
    private final Path proc;

    ProcessMeter(List<Long> serverPids) {
        this(serverPids, Path.of("/proc"));
    }

    ProcessMeter(List<Long> serverPids, Path proc) {
        this.serverPids = serverPids == null ? List.of() : List.copyOf(serverPids);
        this.proc = proc;
    }

    /** {@code now - before}, or -1 if either is unknown. */
    static double delta(double now, double before) {
        return now < 0 || before < 0 ? -1 : now - before;
    }

    double ownCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    double serverCpuSeconds() {
        if (serverPids.isEmpty()) {
            return -1;
        }
        long ticks = 0;
        for (Long pid : serverPids) {
            try {
                String stat = Files.readString(proc.resolve(pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** The server processes' resident memory in MiB, summed, or -1. */
    long serverRssMiB() {
        if (serverPids.isEmpty()) {
            return -1;
        }
        long kib = 0;
        for (Long pid : serverPids) {
            long one = residentKib(pid);
            if (one < 0) {
                return -1;
            }
            kib += one;
        }
        return kib / 1024;
    }

    private long residentKib(long pid) {
        try {
            for (String line : Files.readAllLines(proc.resolve(pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
