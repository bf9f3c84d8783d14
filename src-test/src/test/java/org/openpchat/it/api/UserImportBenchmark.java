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
 * (web-sign-in hashes included); asserts nothing about speed.
 * Run: mvn -B verify -Pbenchmark -Dit.test=UserImportBenchmark (README.md). -Dbench.users=10000.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserImportBenchmark {

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
        JsonObject job;
        while (true) {
            job = admin.get(accepted.header("Location")).object();
            if (directoryDone == 0 && !"directory".equals(job.getString("phase", "directory"))) {
                directoryDone = System.nanoTime();
            }
            if (!job.getString("state").equals("running") && !job.getString("state").equals("queued")) {
                break;
            }
            Api.pause(Duration.ofMillis(250));
        }
        long end = System.nanoTime();
        System.out.printf("user import benchmark: %d users; directory and SIP credentials %.1f s (%.0f users/s);"
                + " whole job with web-sign-in hashes %.1f s; state %s, created %d, failed %d%n", users,
                seconds(directoryDone - start), users / seconds(directoryDone - start), seconds(end - start),
                job.getString("state"), job.getJsonObject("result").getInt("created"),
                job.getJsonObject("result").getJsonArray("failed").size());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
