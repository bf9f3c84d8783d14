package org.openpchat.load;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Plain-text result lines on standard output, and the same figures as a JSON file when asked. */
final class Report {

    private final Path file;
    private final JsonObjectBuilder json = Json.createObjectBuilder();
    private final JsonArrayBuilder steps = Json.createArrayBuilder();
    private final JsonArrayBuilder compliance = Json.createArrayBuilder();

    Report(String scenario, Path file) {
        this.file = file;
        json.add("scenario", scenario);
    }

    void parameters(Map<String, Object> parameters) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        parameters.forEach((name, value) -> {
            if (value instanceof Number number) {
                object.add(name, number.longValue());
            } else {
                object.add(name, String.valueOf(value));
            }
        });
        json.add("parameters", object);
    }

    void line(String text) {
        System.out.println(text);
        System.out.flush();
    }

    /** Signing in (and joining) the users. */
    void setup(int users, int signedIn, double seconds, Histogram latency, Map<String, Integer> failures,
            double serverCpu, double toolCpu, long serverRssMiB) {
        line(String.format(Locale.ROOT,
                "setup users=%d signed_in=%d seconds=%.1f rate=%.1f/s latency_ms p50=%.1f p99=%.1f max=%.1f"
                        + " server_cpu_s=%.1f server_cpu_ms_per_session=%.1f tool_cpu_s=%.1f tool_cpu_ms_per_session=%.1f"
                        + " server_rss_mib=%d failures=%s",
                users, signedIn, seconds, signedIn / seconds, ms(latency, 50), ms(latency, 99), ms(latency, 100),
                serverCpu, perOperationMs(serverCpu, signedIn), toolCpu, perOperationMs(toolCpu, signedIn), serverRssMiB,
                failures));
        JsonObjectBuilder failed = Json.createObjectBuilder();
        failures.forEach(failed::add);
        json.add("setup", Json.createObjectBuilder().add("users", users).add("signedIn", signedIn).add("seconds", seconds)
                .add("perSecond", signedIn / seconds).add("p50Ms", ms(latency, 50)).add("p99Ms", ms(latency, 99))
                .add("maxMs", ms(latency, 100)).add("serverCpuSeconds", serverCpu).add("toolCpuSeconds", toolCpu)
                .add("serverRssMiB", serverRssMiB).add("failures", failed));
    }

    void fanout(FanoutStep.Result r) {
        double serverPer1000 = FanoutStep.Result.per1000(r.serverCpu(), r.delivered());
        double ownPer1000 = FanoutStep.Result.per1000(r.ownCpu(), r.delivered());
        line(String.format(Locale.ROOT,
                "fanout step=%d posts_per_s=%d offered_deliveries_per_s=%d posts=%d accepted=%d refused=%s unanswered=%d"
                        + " deliveries=%d deliveries_per_s=%.0f lost=%d duplicates=%d out_of_order=%d strays=%d"
                        + " latency_ms p50=%.1f p99=%.1f p999=%.1f max=%.1f"
                        + " answer_ms accepted_p50=%.1f accepted_p99=%.1f refused_p50=%.1f refused_p99=%.1f"
                        + " server_cpu_s_per_1000=%.3f tool_cpu_s_per_1000=%.3f",
                r.step(), r.rate(), r.offeredDeliveriesPerSecond(), r.posts(), r.accepted(), r.refused(), r.unanswered(),
                r.delivered(), r.deliveriesPerSecond(), r.lost(), r.duplicates(), r.outOfOrder(), r.strays(),
                r.millis(50), r.millis(99), r.millis(99.9), r.millis(100), FanoutStep.Result.millis(r.acceptedAfter(), 50),
                FanoutStep.Result.millis(r.acceptedAfter(), 99), FanoutStep.Result.millis(r.refusedAfter(), 50),
                FanoutStep.Result.millis(r.refusedAfter(), 99), serverPer1000, ownPer1000));
        JsonObjectBuilder refused = Json.createObjectBuilder();
        r.refused().forEach((status, count) -> refused.add(String.valueOf(status), count));
        steps.add(Json.createObjectBuilder().add("step", r.step()).add("postsPerSecond", r.rate())
                .add("offeredDeliveriesPerSecond", r.offeredDeliveriesPerSecond()).add("seconds", r.seconds())
                .add("posts", r.posts()).add("accepted", r.accepted()).add("refused", refused)
                .add("unanswered", r.unanswered()).add("expected", r.expected()).add("delivered", r.delivered())
                .add("deliveriesPerSecond", r.deliveriesPerSecond()).add("lost", r.lost())
                .add("duplicates", r.duplicates()).add("outOfOrder", r.outOfOrder()).add("strays", r.strays()).add("p50Ms", r.millis(50))
                .add("p99Ms", r.millis(99)).add("p999Ms", r.millis(99.9)).add("maxMs", r.millis(100))
                .add("acceptedAnswerP50Ms", FanoutStep.Result.millis(r.acceptedAfter(), 50))
                .add("acceptedAnswerP99Ms", FanoutStep.Result.millis(r.acceptedAfter(), 99))
                .add("refusedAnswerP50Ms", FanoutStep.Result.millis(r.refusedAfter(), 50))
                .add("refusedAnswerP99Ms", FanoutStep.Result.millis(r.refusedAfter(), 99))
                .add("serverCpuSeconds", r.serverCpu()).add("toolCpuSeconds", r.ownCpu())
                .add("serverCpuSecondsPer1000", serverPer1000).add("toolCpuSecondsPer1000", ownPer1000));
    }

    /** A step of operations run in a closed loop (history, search): rate, latency, failures, CPU per operation. */
    void closedLoop(String name, ClosedLoop.Result r, double serverCpu, double ownCpu) {
        long ok = r.latencyMicros().getTotalCount();
        line(String.format(Locale.ROOT,
                "%s operations=%d ok=%d per_s=%.1f latency_ms p50=%.1f p99=%.1f p999=%.1f max=%.1f failures=%s remarks=%s"
                        + " server_cpu_ms_per_op=%.2f tool_cpu_ms_per_op=%.2f",
                name, r.operations(), ok, r.perSecond(), r.millis(50), r.millis(99), r.millis(99.9), r.millis(100),
                r.failures(), r.remarks(), perOperationMs(serverCpu, ok), perOperationMs(ownCpu, ok)));
        JsonObjectBuilder failed = Json.createObjectBuilder();
        r.failures().forEach(failed::add);
        JsonObjectBuilder remarked = Json.createObjectBuilder();
        r.remarks().forEach(remarked::add);
        steps.add(Json.createObjectBuilder().add("name", name).add("operations", r.operations()).add("ok", ok)
                .add("seconds", r.seconds()).add("perSecond", r.perSecond()).add("p50Ms", r.millis(50))
                .add("p99Ms", r.millis(99)).add("p999Ms", r.millis(99.9)).add("maxMs", r.millis(100))
                .add("failures", failed).add("remarks", remarked).add("serverCpuSeconds", serverCpu)
                .add("toolCpuSeconds", ownCpu));
    }

    private static double perOperationMs(double cpuSeconds, long operations) {
        return operations == 0 || cpuSeconds < 0 ? -1 : cpuSeconds * 1000 / operations;
    }

    /** The compliance outbox while a fan-out step ran. */
    void compliance(int step, ComplianceLagSampler.Peak peak) {
        line(String.format(Locale.ROOT, "compliance step=%d lag_s_max=%.2f outbox_events_max=%.0f samples=%d failed_samples=%d",
                step, peak.lagSeconds(), peak.waitingEvents(), peak.samples(), peak.failedSamples()));
        compliance.add(Json.createObjectBuilder().add("step", step).add("lagSecondsMax", peak.lagSeconds())
                .add("outboxEventsMax", peak.waitingEvents()).add("samples", peak.samples())
                .add("failedSamples", peak.failedSamples()));
    }

    /** Idle sessions held for a while: what they cost the server. */
    void idle(int sessions, double seconds, double serverCpu, long serverRssMiB, int dropped) {
        line(String.format(Locale.ROOT, "idle sessions=%d seconds=%.0f server_cpu_s=%.2f server_rss_mib=%d dropped=%d",
                sessions, seconds, serverCpu, serverRssMiB, dropped));
        json.add("idle", Json.createObjectBuilder().add("sessions", sessions).add("seconds", seconds)
                .add("serverCpuSeconds", serverCpu).add("serverRssMiB", serverRssMiB).add("dropped", dropped));
    }

    /** Sessions whose connection ended while the step ran, by reason. */
    void disconnects(Map<String, Integer> byReason) {
        if (!byReason.isEmpty()) {
            line("disconnected " + byReason);
        }
    }

    /** Everyone signed out at once: the BYEs not answered 200, by status (0: no answer). */
    void logout(Map<Integer, Integer> refused) {
        line("logout not_ok=" + refused);
        JsonObjectBuilder object = Json.createObjectBuilder();
        refused.forEach((status, count) -> object.add(String.valueOf(status), count));
        json.add("logoutNotOk", object);
    }

    void write() {
        json.add("steps", steps);
        JsonArray sampled = compliance.build();
        if (!sampled.isEmpty()) {
            json.add("compliance", sampled);
        }
        if (file == null) {
            return;
        }
        try (Writer out = Files.newBufferedWriter(file)) {
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out).write(json.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double ms(Histogram latency, double percentile) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / 1000.0;
    }
}
