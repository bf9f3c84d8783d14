package org.openpchat.load;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Message search through the administration API ({@code GET /messages?text=}), one step per
 * text: {@code --clients} clients search for it in a closed loop for {@code --duration} seconds.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Searches the history through the administration API; measures each text's latency.")
final class SearchCommand implements Callable<Integer> {

    @Mixin
    AdminApi api;

    @Option(names = "--texts", paramLabel = "TEXT", split = ",", defaultValue = "kaloni,tag4711,absentword",
            description = "Texts to search for, one step each (default ${DEFAULT-VALUE}: a word in about one post of 800"
                    + " of a history-archive room, one in one post of 10,000, none).")
    List<String> texts;

    @Option(names = "--room", paramLabel = "NAME", description = "Only this room.")
    String room;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "25", description = "Results asked for (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "2", description = "Searches at once (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "60", description = "Length of a step (default ${DEFAULT-VALUE}).")
    int duration;

    @Option(names = "--server-pid", paramLabel = "PID", split = ",",
            description = "The server's process on this machine (GlassFish; a pool's nodes separated by commas):"
                    + " its CPU time and memory are reported, summed over the processes.")
    List<Long> serverPids;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results to this file.")
    java.nio.file.Path json;

    @Override
    public Integer call() throws Exception {
        ProcessMeter meter = new ProcessMeter(serverPids);
        Report report = new Report("search", json);
        report.parameters(Map.of("texts", String.join(",", texts), "room", String.valueOf(room), "limit", limit,
                "clients", clients, "duration", duration));
        HttpClient http = api.client();
        String authorization = api.authorization();
        for (String text : texts) {
            HttpRequest request = HttpRequest.newBuilder(query(text)).header("Authorization", authorization)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build();
            double serverCpu = meter.serverCpuSeconds();
            double ownCpu = meter.ownCpuSeconds();
            ClosedLoop.Result result = new ClosedLoop().run(clients, duration, worker -> search(http, request));
            report.closedLoop("search text=" + text, result, ProcessMeter.delta(meter.serverCpuSeconds(), serverCpu),
                    ProcessMeter.delta(meter.ownCpuSeconds(), ownCpu));
        }
        report.write();
        return 0;
    }

    URI query(String text) {
        StringBuilder query = new StringBuilder("messages?text=").append(encode(text)).append("&limit=").append(limit);
        if (room != null) {
            query.append("&room=").append(encode(room));
        }
        return api.base().resolve(query.toString());
    }

    /** One search; fails on any status but 200, remarks a search that found nothing. */
    private static CompletableFuture<ClosedLoop.Done> search(HttpClient http, HttpRequest request) {
        long start = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                String body = response.body();
                throw new IllegalStateException("HTTP " + response.statusCode() + " "
                        + body.substring(0, Math.min(body.length(), 100)));
            }
            boolean none = Json.createReader(new StringReader(response.body())).readObject().getJsonArray("messages").isEmpty();
            return ClosedLoop.Done.since(start, none ? "nothing found" : null);
        });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
