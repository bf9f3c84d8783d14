package org.openpchat.it.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.client.xccos.XccosXml;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;
import org.openpchat.it.api.Api;

/**
 * The attacks on the SIP sign-in a review tried, against the shipped server: each must be
 * refused. Trust belongs to the TCP connection a REGISTER passed Digest on, and to nothing else
 * (not a later connection from the same port, not a UDP socket claiming TCP in its Via, not
 * another connection naming the dialog); a Digest answer is good once, on its own connection.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SipSignInIT {

    private static final String PASSWORD = Api.DEMO_PASSWORD;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    /** REGISTERs {@code user} over {@code tcp} with Digest; asserts the 200. */
    private static void signIn(RawUser user, RawSip.Tcp tcp) throws IOException {
        String challenge = RawUser.exchange(tcp, user.register("TCP", tcp.localPort(), null));
        assertThat(challenge).startsWith("SIP/2.0 407");
        String ok = RawUser.exchange(tcp, user.register("TCP", tcp.localPort(),
                user.answer(challenge, "REGISTER", RawUser.REGISTRAR, PASSWORD)));
        assertThat(ok).startsWith("SIP/2.0 200");
    }

    @Test
    void aLaterConnectionFromTheSamePortIsNotTrusted() throws IOException {
        RawUser alice = new RawUser("alice");
        RawSip.Tcp first = new RawSip.Tcp();
        int port = first.localPort();
        signIn(alice, first);
        assertThat(RawUser.exchange(first, alice.invite("TCP", port, null))).as("trusted on its own connection")
                .startsWith("SIP/2.0 200");
        first.reset();

        try (RawSip.Tcp second = new RawSip.Tcp(port)) {
            assertThat(second.localPort()).isEqualTo(port);
            String answer = RawUser.exchange(second, new RawUser("alice").invite("TCP", port, null));
            assertThat(answer).as("INVITE as alice, no credentials, same port, new connection")
                    .startsWith("SIP/2.0 407");
        }
    }

    @Test
    void aUdpRequestClaimingATrustedTcpConnectionIsChallenged() throws IOException {
        RawUser alice = new RawUser("alice");
        try (RawSip.Tcp tcp = new RawSip.Tcp();
                DatagramSocket udp = new DatagramSocket(tcp.localPort(), InetAddress.getByName(RawSip.HOST))) {
            signIn(alice, tcp);
            udp.setSoTimeout(3000);
            byte[] invite = new RawUser("alice").invite("TCP", tcp.localPort(), null).getBytes(StandardCharsets.UTF_8);
            udp.send(new DatagramPacket(invite, invite.length, InetAddress.getByName(RawSip.HOST), RawSip.PORT));

            String answer = finalResponse(udp);
            if (answer == null) { // a stack may answer along the Via instead: alice's connection
                answer = RawUser.exchange(tcp, "");
            }
            assertThat(answer).as("INVITE over UDP from alice's port number with a TCP Via").startsWith("SIP/2.0 407");
        }
    }

    @Test
    void anotherConnectionCannotSpeakInAUsersDialog() throws IOException {
        RawUser alice = new RawUser("alice");
        try (RawSip.Tcp own = new RawSip.Tcp(); RawSip.Tcp foreign = new RawSip.Tcp()) {
            signIn(alice, own);
            String accepted = RawUser.exchange(own, alice.invite("TCP", own.localPort(), null));
            assertThat(accepted).startsWith("SIP/2.0 200");
            alice.accepted(accepted);
            own.write(alice.ack(own.localPort()));
            String query = XccosXml.command("e1", "getserverinfo", "1", "");

            assertThat(RawUser.exchange(foreign, alice.info(foreign.localPort(), query)))
                    .as("alice's dialog named from a connection that never signed in").startsWith("SIP/2.0 403");
            assertThat(RawUser.exchange(own, alice.info(own.localPort(), query))).as("from its own connection")
                    .startsWith("SIP/2.0 200");
            String reply = own.read();
            assertThat(reply).startsWith("INFO ").contains("rpl:getserverinfo");
            RawDialog.answer(own, reply, "");
            assertThat(foreign.read()).as("nothing for the foreign connection").isNull();
        }
    }

    @Test
    void aCapturedDigestAnswerIsWorthlessOnAnotherConnection() throws IOException {
        RawUser alice = new RawUser("alice");
        String captured;
        try (RawSip.Tcp victim = new RawSip.Tcp()) {
            String challenge = RawUser.exchange(victim, alice.register("TCP", victim.localPort(), null));
            captured = alice.answer(challenge, "REGISTER", RawUser.REGISTRAR, PASSWORD);
            assertThat(RawUser.exchange(victim, alice.register("TCP", victim.localPort(), captured)))
                    .startsWith("SIP/2.0 200");
        }
        try (RawSip.Tcp attacker = new RawSip.Tcp()) {
            assertThat(RawUser.exchange(attacker, alice.register("TCP", attacker.localPort(), captured)))
                    .as("the same Proxy-Authorization replayed").startsWith("SIP/2.0 407");
            assertThat(RawUser.exchange(attacker, new RawUser("alice").invite("TCP", attacker.localPort(), captured)))
                    .as("and on an INVITE").startsWith("SIP/2.0 407");
        }
    }

    @Test
    void aDigestAnswerIsGoodOnceOnItsOwnConnection() throws IOException {
        RawUser bob = new RawUser("bob");
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            String challenge = RawUser.exchange(tcp, bob.invite("TCP", tcp.localPort(), null));
            assertThat(challenge).startsWith("SIP/2.0 407");
            String answer = bob.answer(challenge, "INVITE", RawUser.POOL, PASSWORD);
            String accepted = RawUser.exchange(tcp, bob.invite("TCP", tcp.localPort(), answer));
            assertThat(accepted).startsWith("SIP/2.0 200");
            bob.accepted(accepted);
            tcp.write(bob.ack(tcp.localPort()));

            RawUser again = new RawUser("bob");
            assertThat(RawUser.exchange(tcp, again.invite("TCP", tcp.localPort(), answer)))
                    .as("the same answer (nonce, nc 00000001) for a second dialog").startsWith("SIP/2.0 407");
        }
    }

    @Test
    void digestWithoutQopOrForAnotherUriIsRefused() throws IOException {
        RawUser carol = new RawUser("carol");
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            String challenge = RawUser.exchange(tcp, carol.register("TCP", tcp.localPort(), null));
            String refused = RawUser.exchange(tcp, carol.register("TCP", tcp.localPort(),
                    carol.answerWithoutQop(challenge, "REGISTER", RawUser.REGISTRAR, PASSWORD)));
            assertThat(refused).startsWith("SIP/2.0 403").contains("qop=auth");

            challenge = RawUser.exchange(tcp, carol.register("TCP", tcp.localPort(), null));
            String elsewhere = RawUser.exchange(tcp, carol.register("TCP", tcp.localPort(),
                    carol.answer(challenge, "REGISTER", "sip:other.example.org", PASSWORD)));
            assertThat(elsewhere).startsWith("SIP/2.0 403").contains("uri");

            challenge = RawUser.exchange(tcp, carol.register("TCP", tcp.localPort(), null));
            assertThat(RawUser.exchange(tcp, carol.register("TCP", tcp.localPort(),
                    carol.answer(challenge, "REGISTER", RawUser.REGISTRAR, PASSWORD)))).startsWith("SIP/2.0 200");
        }
    }

    @Test
    void passwordGuessingLocksTheUserOut() throws IOException {
        String name = Fixtures.unique("guessed");
        Api.Reply created = Api.admin().post("users", "{\"uri\": \"sip:" + name + "@example.com\", \"password\": \""
                + PASSWORD + "\", \"groups\": [\"staff\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        RawUser user = new RawUser(name);
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            for (int i = 1; i <= 5; i++) {
                String challenge = RawUser.exchange(tcp, user.register("TCP", tcp.localPort(), null));
                assertThat(RawUser.exchange(tcp, user.register("TCP", tcp.localPort(),
                        user.answer(challenge, "REGISTER", RawUser.REGISTRAR, "not-the-password"))))
                        .as("wrong password #" + i).startsWith("SIP/2.0 403").contains("wrong user name or password");
            }
            String challenge = RawUser.exchange(tcp, user.register("TCP", tcp.localPort(), null));
            assertThat(RawUser.exchange(tcp, user.register("TCP", tcp.localPort(),
                    user.answer(challenge, "REGISTER", RawUser.REGISTRAR, PASSWORD))))
                    .as("even the right password waits").startsWith("SIP/2.0 403").contains("too many failed sign-ins");
        }
        assertThat(Api.as(name + "@example.com", PASSWORD).get("rooms").status())
                .as("the same lockout on the API").isEqualTo(429);
    }

    private static String finalResponse(DatagramSocket udp) throws IOException {
        byte[] buffer = new byte[65536];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            if (!message.startsWith("SIP/2.0 1")) {
                return message;
            }
        }
    }
}
