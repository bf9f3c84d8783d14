package org.openpchat.it.xccos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.client.sip.ReceivedResponse;
import org.openpchat.client.xccos.Xccos;
import org.openpchat.client.xccos.XccosClient;
import org.openpchat.client.xccos.XccosXml;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;

/**
 * History survives a restart of the server; the old dialog is gone (481) and the client
 * re-INVITEs, as SIPE does. Restarts the domain, so it has its own class.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class XccosRestartIT {

    private static final String HEALTH = "http://localhost:8080/pchat/api/health";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @Test
    void historySurvivesARestartAndTheOldDialogGets481() throws Exception {
        List<String> posted = new ArrayList<>();
        try (XccosClient alice = Demo.login("alice")) {
            String lobby = alice.roomUri("Lobby");
            assertThat(alice.join(lobby).code()).isEqualTo(200);
            for (int i = 1; i <= 2; i++) {
                String text = Fixtures.unique("before restart " + i);
                posted.add(text);
                assertThat(alice.post(lobby, text).sip().status()).isEqualTo(200);
                alice.awaitGrpchat(lobby, text);
            }

            restartDomain();

            // the old dialog is unknown to the restarted server (the TCP connection is new too)
            ReceivedResponse old = oldDialogInfo(alice);
            assertThat(old.status()).as("INFO on the dialog from before the restart").isEqualTo(481);

            // the client starts over: REGISTER on the new connection, then a fresh INVITE
            assertThat(alice.register(Demo.PASSWORD).status()).isEqualTo(200);
            alice.invite(Demo.POOL_URI);
            assertThat(alice.join(lobby).code()).isEqualTo(200);
            List<Xccos.HistoryMessage> history = alice.history(lobby, 2).history();
            assertThat(history).extracting(Xccos.HistoryMessage::text).containsExactlyElementsOf(posted);
        }
    }

    /** The first send on the dead connection may fail inside JAIN-SIP; a second one reconnects. */
    private static ReceivedResponse oldDialogInfo(XccosClient alice) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return alice.info(XccosXml.command(alice.nextEnvid(), "requri", alice.nextSeqid(), ""));
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    /** {@code asadmin restart-domain} of the server under test, then waits until the application is up. */
    static void restartDomain() throws IOException, InterruptedException {
        String home = System.getProperty("glassfish.home");
        assertThat(home).as("system property glassfish.home (set by failsafe)").isNotBlank();
        File asadmin = new File(home, "bin/asadmin");
        File log = Files.createTempFile("xccos-restart", ".log").toFile();
        ProcessBuilder restart = new ProcessBuilder(asadmin.getAbsolutePath(), "restart-domain", "domain1")
                .redirectErrorStream(true).redirectOutput(log);
        // asadmin gives the new DAS 60 s by default; the domain with the application deployed can take
        // longer than that on a busy 2-core host (CI once saw 67 s)
        restart.environment().put("AS_START_TIMEOUT", String.valueOf(Duration.ofMinutes(4).toMillis()));
        Process p = restart.start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String output = Files.readString(log.toPath());
        assertThat(done).as("restart-domain finished: %s", output).isTrue();
        assertThat(p.exitValue()).as("restart-domain: %s", output).isZero();
        // restart-domain returns once the admin listener is up; the application loads after that
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(HEALTH)).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    return;
                }
            } catch (IOException notYet) {
                last = -1;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the application did not come back after the restart (health " + last
                + "); restart-domain said: " + output);
    }
}
