package org.openpchat.load;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path directory;

    @Test
    void setupReportsTheToolsOwnCpuBesideTheServers() throws Exception {
        Path file = directory.resolve("storm.json");
        Report report = new Report("logon-storm", file);
        Histogram latency = new Histogram(3);
        latency.recordValue(250_000);
        String printed = printedBy(() -> report.setup(1500, 1500, 10.0, latency, Map.of(), 9.0, 6.0, 1200));
        report.write();

        assertThat(printed).contains("rate=150.0/s", "server_cpu_ms_per_session=6.0", "tool_cpu_s=6.0",
                "tool_cpu_ms_per_session=4.0");
        JsonObject setup = Json.createReader(new StringReader(Files.readString(file))).readObject().getJsonObject("setup");
        assertThat(setup.getJsonNumber("toolCpuSeconds").doubleValue()).isEqualTo(6.0);
        assertThat(setup.getJsonNumber("serverCpuSeconds").doubleValue()).isEqualTo(9.0);
    }

    @Test
    void anUnknownServerCpuIsNotDividedIntoAFigure() throws Exception {
        Report report = new Report("logon-storm", null);
        String printed = printedBy(() -> report.setup(10, 10, 1.0, new Histogram(3), Map.of(), -1, 0.5, -1));

        assertThat(printed).contains("server_cpu_ms_per_session=-1.0", "tool_cpu_ms_per_session=50.0");
    }

    private static String printedBy(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
