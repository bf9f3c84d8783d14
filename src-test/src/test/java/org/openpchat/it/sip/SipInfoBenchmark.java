package org.openpchat.it.sip;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.openpchat.it.PchatDeployment;
import org.openpchat.it.sip.app.EchoServlet;
import org.openpchat.it.sip.app.Greeting;
import org.openpchat.it.sip.app.LaterSender;
import org.openpchat.it.sip.app.SipItRows;

/**
 * In-dialog INFO transactions per second over TCP, client on the same machine: each client
 * thread owns a TCP connection and a dialog and sends INFO "ping" in a closed loop (the servlet
 * answers 200 inside a container transaction). Prints numbers; asserts nothing about speed.
 * Run: mvn -B verify -Pbenchmark (see README.md). Settings: -Dbench.threads=16,
 * -Dbench.seconds=20, -Dbench.warmup=5.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SipInfoBenchmark {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.withSipApplication("sip-it", EchoServlet.class, SipItRows.class, LaterSender.class,
                Greeting.class);
    }

    @Test
    void inDialogInfoThroughputOverTcp() throws Exception {
        int threads = Integer.getInteger("bench.threads", 16);
        long warmup = TimeUnit.SECONDS.toNanos(Long.getLong("bench.warmup", 5));
        long measured = TimeUnit.SECONDS.toNanos(Long.getLong("bench.seconds", 20));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long measureFrom = start + warmup;
        long end = measureFrom + measured;
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                long errors = 0;
                try (RawSip.Tcp tcp = new RawSip.Tcp()) {
                    RawDialog dialog = RawDialog.invite(tcp);
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        boolean ok = dialog.send("INFO", "ping", false).startsWith("SIP/2.0 200");
                        if (sent >= measureFrom) {
                            latencies.add(System.nanoTime() - sent);
                            errors += ok ? 0 : 1;
                        }
                    }
                    dialog.send("BYE", null, false);
                }
                long[] out = new long[latencies.size() + 1];
                out[0] = errors;
                for (int i = 0; i < latencies.size(); i++) {
                    out[i + 1] = latencies.get(i);
                }
                return out;
            }));
        }
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> result : results) {
            long[] values = result.get(10, TimeUnit.MINUTES);
            errors += values[0];
            for (int i = 1; i < values.length; i++) {
                all.add(values[i]);
            }
        }
        pool.shutdownNow();
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        double seconds = measured / 1e9;
        System.out.printf("SIP INFO benchmark: %d threads, %d transactions in %.0f s, %d errors%n", threads,
                sorted.length, seconds, errors);
        System.out.printf("INFO transactions per second: %.0f%n", sorted.length / seconds);
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n", percentile(sorted, 50),
                percentile(sorted, 90), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }
}
