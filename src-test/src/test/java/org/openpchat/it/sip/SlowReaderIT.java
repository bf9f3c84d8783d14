package org.openpchat.it.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.client.xccos.XccosClient;
import org.openpchat.client.xccos.XccosXml;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;
import org.openpchat.it.api.Api;
import org.openpchat.it.xccos.Demo;

/**
 * A member of a busy room whose client stops reading: the others keep getting every post, and
 * the server cuts the stalled connection (its write blocks longer than 10 s, or 1,000 messages
 * wait for it). Prints the other member's delivery latency before and while the one stalls.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowReaderIT {

    private static final int POSTS = 700;
    private static final String PADDING = "x".repeat(7_900);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @Test
    void aMemberThatStopsReadingHoldsUpNobodyAndIsCut() throws Exception {
        String room = Fixtures.unique("Busy");
        Api admin = Api.admin();
        assertThat(admin.post("rooms", "{\"name\": \"" + room + "\", \"category\": \"General\", \"privacy\": \"Open\"}")
                .status()).isEqualTo(201);
        try (XccosClient alice = Demo.login("alice"); XccosClient bob = Demo.login("bob");
                RawSip.Tcp stalled = new RawSip.Tcp(0, 4096)) {
            String uri = alice.roomUri(room);
            assertThat(alice.join(uri).code()).isEqualTo(200);
            assertThat(bob.join(uri).code()).isEqualTo(200);
            joinAndStopReading(new RawUser("carol"), stalled, uri);

            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                String text = i + " " + PADDING;
                long sent = System.nanoTime();
                assertThat(alice.post(uri, text).sip().status()).as("post %d", i).isEqualTo(200);
                bob.awaitGrpchat(uri, text);
                latencies.add((System.nanoTime() - sent) / 1_000_000);
                if (i % 50 == 49) {
                    bob.forgetReceived();
                    alice.forgetReceived();
                }
            }
            report(latencies);

            assertThat(stalled.closedByServerWithin(60)).as("the server cut the stalled connection").isTrue();
        } finally {
            admin.delete("rooms/" + Api.segment(room));
        }
    }

    /** REGISTER, INVITE and join over a connection with a small receive buffer, which is then never read again. */
    private static void joinAndStopReading(RawUser carol, RawSip.Tcp tcp, String roomUri) throws IOException {
        String challenge = RawUser.exchange(tcp, carol.register("TCP", tcp.localPort(), null));
        assertThat(RawUser.exchange(tcp, carol.register("TCP", tcp.localPort(),
                carol.answer(challenge, "REGISTER", RawUser.REGISTRAR, Demo.PASSWORD)))).startsWith("SIP/2.0 200");
        String accepted = RawUser.exchange(tcp, carol.invite("TCP", tcp.localPort(), null));
        assertThat(accepted).startsWith("SIP/2.0 200");
        carol.accepted(accepted);
        tcp.write(carol.ack(tcp.localPort()));
        assertThat(RawUser.exchange(tcp, carol.info(tcp.localPort(), XccosXml.command("1", "join", "1",
                XccosXml.chanid(0, roomUri))))).startsWith("SIP/2.0 200");
    }

    private static void report(List<Long> latencies) {
        List<Long> before = new ArrayList<>(latencies.subList(0, 100));
        List<Long> during = new ArrayList<>(latencies.subList(POSTS - 200, POSTS));
        Collections.sort(before);
        Collections.sort(during);
        System.out.printf("SlowReaderIT: post to the other member, ms: first 100 posts median %d max %d;"
                + " last 200 (one member stalled) median %d max %d%n", before.get(50), before.get(99),
                during.get(100), during.get(199));
    }
}
