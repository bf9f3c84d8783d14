package org.openpchat.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of this process and, when its pid is known, of the server's
 * (from /proc, Linux). CPU times are in seconds; -1 where unknown.
 */
final class ProcessMeter {

    /** USER_HZ: the unit of /proc/PID/stat's times on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Long serverPid;

    ProcessMeter(Long serverPid) {
        this.serverPid = serverPid;
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
        if (serverPid == null) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", serverPid.toString(), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The server's resident memory in MiB, or -1. */
    long serverRssMiB() {
        if (serverPid == null) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", serverPid.toString(), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
