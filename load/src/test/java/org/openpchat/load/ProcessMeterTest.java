package org.openpchat.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMeterTest {

    @TempDir
    Path proc;

    private void process(long pid, long userTicks, long systemTicks, long residentKib) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        // /proc/PID/stat: pid (comm) state ppid ... utime is field 14, stime field 15; comm may hold spaces and ')'
        Files.writeString(dir.resolve("stat"), pid + " (java) x) S 1 1 1 0 -1 4194560 100 0 0 0 " + userTicks + " "
                + systemTicks + " 0 0 20 0 50 0 1 2 3\n");
        Files.writeString(dir.resolve("status"), "Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t " + residentKib + " kB\n");
    }

    @Test
    void sumsTheCpuTimeAndMemoryOfEveryServerProcess() throws IOException {
        process(11, 250, 50, 1024 * 300);
        process(12, 100, 0, 1024 * 200);

        ProcessMeter meter = new ProcessMeter(List.of(11L, 12L), proc);

        assertThat(meter.serverCpuSeconds()).isEqualTo(4.0);
        assertThat(meter.serverRssMiB()).isEqualTo(500);
    }

    @Test
    void oneProcessIsMeasuredAlone() throws IOException {
        process(11, 250, 50, 1024 * 300);
        process(12, 100, 0, 1024 * 200);

        ProcessMeter meter = new ProcessMeter(List.of(12L), proc);

        assertThat(meter.serverCpuSeconds()).isEqualTo(1.0);
        assertThat(meter.serverRssMiB()).isEqualTo(200);
    }

    @Test
    void unknownWhenAnyProcessIsGoneOrNoneWasGiven() throws IOException {
        process(11, 250, 50, 1024 * 300);

        assertThat(new ProcessMeter(List.of(11L, 13L), proc).serverCpuSeconds()).isEqualTo(-1);
        assertThat(new ProcessMeter(List.of(11L, 13L), proc).serverRssMiB()).isEqualTo(-1);
        assertThat(new ProcessMeter(null, proc).serverCpuSeconds()).isEqualTo(-1);
        assertThat(new ProcessMeter(List.of(), proc).serverRssMiB()).isEqualTo(-1);
    }

    @Test
    void aDeltaIsUnknownWhenEitherEndIs() {
        assertThat(ProcessMeter.delta(5.5, 2.0)).isEqualTo(3.5);
        assertThat(ProcessMeter.delta(-1, 2.0)).isEqualTo(-1);
        assertThat(ProcessMeter.delta(5.5, -1)).isEqualTo(-1);
    }
}
