package org.openpchat.it.xccos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.client.xccos.XccosClient;
import org.openpchat.it.PchatDeployment;

/**
 * The chat's hot path end to end: the five demo users sit in Lobby; each posts in a closed loop
 * (grpchat INFO, then wait for the server's echo of its own post), so every post is authorised,
 * stored, captured for compliance and fanned out to all five dialogs. Prints posts per second,
 * deliveries per second and the post-to-own-echo latency; asserts nothing about speed.
 * Run: mvn -B verify -Pbenchmark (README.md). Settings: -Dbench.seconds=20, -Dbench.warmup=5.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class XccosPostBenchmark {

    private static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @Test
    void postsThroughARoomOfFive() throws Exception {
        long warmup = TimeUnit.SECONDS.toNanos(Long.getLong("bench.warmup", 5));
        long measured = TimeUnit.SECONDS.toNanos(Long.getLong("bench.seconds", 20));
        List<XccosClient> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(USERS.size());
        try {
            for (String user : USERS) {
                clients.add(Demo.login(user));
            }
            String lobby = clients.get(0).roomUri("Lobby");
            for (XccosClient client : clients) {
                if (client.join(lobby).code() != 200) {
                    throw new IllegalStateException(client.user() + " could not join Lobby");
                }
            }
            long measureFrom = System.nanoTime() + warmup;
            long end = measureFrom + measured;
            List<Future<List<Long>>> results = new ArrayList<>();
            for (XccosClient client : clients) {
                results.add(pool.submit(() -> closedLoop(client, lobby, measureFrom, end)));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                latencies.addAll(result.get(10, TimeUnit.MINUTES));
            }
            Collections.sort(latencies);
            double seconds = measured / 1e9;
            System.out.printf("XCCOS post benchmark: %d users in one room, %.0f s: %d posts, %.1f posts/s, "
                            + "%.1f deliveries/s; post-to-own-echo latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                    USERS.size(), seconds, latencies.size(), latencies.size() / seconds,
                    latencies.size() * USERS.size() / seconds, percentile(latencies, 50), percentile(latencies, 90),
                    percentile(latencies, 99));
        } finally {
            pool.shutdownNow();
            clients.forEach(XccosClient::close);
        }
    }

    private static List<Long> closedLoop(XccosClient client, String room, long measureFrom, long end) {
        List<Long> latencies = new ArrayList<>();
        int n = 0;
        while (System.nanoTime() < end) {
            String text = client.user() + " bench " + n++;
            long sent = System.nanoTime();
            client.post(room, text);
            client.awaitGrpchat(g -> room.equals(g.chanUri()) && text.equals(g.text()), Duration.ofSeconds(30));
            if (sent >= measureFrom) {
                latencies.add(System.nanoTime() - sent);
            }
            if (n % 200 == 0) {
                client.forgetReceived();
            }
        }
        return latencies;
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }
}
