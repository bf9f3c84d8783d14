package org.openpchat.it.api;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.it.PchatDeployment;

/**
 * The bulk user import as an administrator (or the load tool) provisions a server: N users with
 * passwords in two groups, one CSV through the API. Prints how long the directory phase takes
 * (users, groups and SIP credentials stored: they can sign in over SIP) and the whole job
 * (web-sign-in hashes included, or their rate over a minute and the time they would take unless
 * -Dbench.wholeJob=true); asserts nothing about speed.
 * Run: mvn -B verify -Pbenchmark -Dit.test=UserImportBenchmark (README.md). -Dbench.users=10000.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserImportBenchmark {

    private static final boolean WHOLE_JOB = Boolean.getBoolean("bench.wholeJob");
    private static final Duration SAMPLE = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @Test
    void importsUsersWithPasswordsAndGroups() {
        int users = Integer.getInteger("bench.users", 10_000);
        String run = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("uri,displayName,password,groups\n");
        for (int i = 0; i < users; i++) {
            csv.append("sip:bench-").append(run).append('-').append(i).append("@example.com,Bench ").append(i)
                    .append(",Bench-pass-").append(i).append(",bench-").append(run).append(";staff\n");
        }
        Api admin = Api.admin();

        long start = System.nanoTime();
        Api.Reply accepted = admin.post("users:import", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        if (accepted.status() != 202) {
            throw new IllegalStateException("import refused: " + accepted);
        }
        long directoryDone = 0;
        long sampleStart = 0;
        long sampleFirstDone = 0;
        JsonObject job;
        while (true) {
            job = admin.get(accepted.header("Location")).object();
            long now = System.nanoTime();
            if (directoryDone == 0 && !"directory".equals(job.getString("phase", "directory"))) {
                directoryDone = now;
                System.out.printf("user import benchmark: %d users; directory and SIP credentials %.1f s"
                        + " (%.0f users/s)%n", users, seconds(directoryDone - start), users / seconds(directoryDone - start));
                sampleStart = now;
                sampleFirstDone = job.getJsonNumber("done").longValue();
            }
            boolean ended = !job.getString("state").equals("running") && !job.getString("state").equals("queued");
            if (ended || (!WHOLE_JOB && sampleStart != 0 && now - sampleStart > SAMPLE.toNanos())) {
                break;
            }
            Api.pause(Duration.ofMillis(250));
        }
        long end = System.nanoTime();
        if (job.getString("state").equals("running")) {
            long hashed = job.getJsonNumber("done").longValue() - sampleFirstDone;
            double perSecond = hashed / seconds(end - sampleStart);
            System.out.printf("user import benchmark: web-sign-in hashes %d in %.1f s (%.1f/s): the whole job would"
                    + " take about %.0f s more; -Dbench.wholeJob=true waits for it%n", hashed, seconds(end - sampleStart),
                    perSecond, (job.getJsonNumber("total").longValue() - job.getJsonNumber("done").longValue())
                            / perSecond);
            return;
        }
        System.out.printf("user import benchmark: whole job with web-sign-in hashes %.1f s; state %s, created %d,"
                + " failed %d%n", seconds(end - start), job.getString("state"),
                job.getJsonObject("result").getInt("created"), job.getJsonObject("result").getJsonArray("failed").size());
        if (!job.getString("state").equals("succeeded")) {
            throw new IllegalStateException("the import did not succeed: " + job);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
