package org.openpchat.it.xccos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.client.sip.ReceivedResponse;
import org.openpchat.client.sip.SipFailureException;
import org.openpchat.client.xccos.Xccos;
import org.openpchat.client.xccos.XccosClient;
import org.openpchat.client.xccos.XccosXml;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;
import org.openpchat.it.api.Api;

/**
 * The attacks of issue 11 on the XCCOS endpoint, against the real server: an envelope packed
 * with commands, a command without an id between posts, one user opening session after session
 * or flooding requests, and an outsider probing for a Secret room by its URI, by name and through
 * the REST API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class XccosLimitsIT {

    private static final String CHAN_PREFIX = "ma-chan://example.com/";
    private static final int COMMAND_LIMIT = 16;
    /** The parser takes 4,096 elements: the root and 4,095 commands, in under 64 KiB. */
    private static final int PARSER_MAXIMUM = 4095;
    /** The per-user defaults (docs/security.md). */
    private static final int DIALOGS_PER_USER = 10;
    private static final int REQUESTS_PER_SECOND = 20;
    private static final int REQUEST_BURST = 300;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    // ------------------------------------------------------------------------- one request, little work

    @Test
    void theFullestEnvelopeIsRefusedAtOnceAndTheServerStillAnswers() {
        try (XccosClient alice = Demo.login("alice")) {
            String lobby = alice.roomUri("Lobby");
            assertThat(alice.join(lobby).code()).isEqualTo(200);
            String envid = alice.nextEnvid();
            String body = XccosXml.envelope(envid, "<cmd id=\"x\"/>".repeat(PARSER_MAXIMUM));
            assertThat(body.length()).isLessThanOrEqualTo(64 * 1024);

            long started = System.nanoTime();
            ReceivedResponse answer = alice.info(body);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.println("XccosLimitsIT: " + PARSER_MAXIMUM + " commands refused in " + took.toMillis() + " ms");

            assertThat(answer.status()).isEqualTo(413);
            assertThat(took).as("refused before any command runs").isLessThan(Duration.ofSeconds(2));
            Xccos.Reply refusal = alice.awaitReplyTo(envid);
            assertThat(refusal.code()).isEqualTo(413);
            assertThat(refusal.text()).isEqualTo("ERR_MESSAGE_TOO_LARGE: the envelope carries " + PARSER_MAXIMUM
                    + " commands and posts; the limit is " + COMMAND_LIMIT + "; none was carried out");

            assertThat(alice.requri().code()).as("the server still answers").isEqualTo(200);
            String text = Fixtures.unique("still here");
            assertThat(alice.post(lobby, text).sip().status()).isEqualTo(200);
            alice.awaitGrpchat(lobby, text);
            assertThat(alice.received(Xccos.Reply.class, r -> envid.equals(r.commandEnvid())))
                    .as("one reply for the whole envelope, nothing else").hasSize(1);
        }
    }

    @Test
    void seventeenPostsInOneEnvelopeStoreNoneAndSixteenStoreAll() {
        try (XccosClient alice = Demo.login("alice"); XccosClient bob = Demo.login("bob")) {
            String lobby = alice.roomUri("Lobby");
            assertThat(alice.join(lobby).code()).isEqualTo(200);
            assertThat(bob.join(lobby).code()).isEqualTo(200);
            String tooMany = Fixtures.unique("too many");
            String allowed = Fixtures.unique("allowed");

            assertThat(alice.info(XccosXml.envelope(alice.nextEnvid(), posts(lobby, tooMany, COMMAND_LIMIT + 1))).status())
                    .isEqualTo(413);
            assertThat(alice.info(XccosXml.envelope(alice.nextEnvid(), posts(lobby, allowed, COMMAND_LIMIT))).status())
                    .isEqualTo(200);

            for (int i = 0; i < COMMAND_LIMIT; i++) {
                bob.awaitGrpchat(lobby, allowed + " " + i);
            }
            assertThat(bob.received(Xccos.GrpChat.class, g -> g.text().startsWith(tooMany))).isEmpty();
            assertThat(bob.history(lobby, 50).history()).extracting(Xccos.HistoryMessage::text)
                    .noneMatch(t -> t.startsWith(tooMany));
        }
    }

    @Test
    void aCommandWithoutAnIdIsABadRequestAndThePostsAroundItAreDelivered() {
        try (XccosClient alice = Demo.login("alice"); XccosClient bob = Demo.login("bob")) {
            String lobby = alice.roomUri("Lobby");
            assertThat(alice.join(lobby).code()).isEqualTo(200);
            assertThat(bob.join(lobby).code()).isEqualTo(200);
            String before = Fixtures.unique("before");
            String after = Fixtures.unique("after");
            String envid = alice.nextEnvid();

            ReceivedResponse answer = alice.info(XccosXml.envelope(envid, post(lobby, before)
                    + "<cmd seqid=\"77\"><data/></cmd>" + post(lobby, after)));

            assertThat(answer.status()).as("not 500").isEqualTo(200);
            Xccos.Reply noId = alice.awaitReplyTo(envid);
            assertThat(noId.id()).isEqualTo("rpl:");
            assertThat(noId.seqid()).isEqualTo("77");
            assertThat(noId.code()).isEqualTo(400);
            assertThat(noId.text()).startsWith("ERR_BAD_REQUEST");
            for (XccosClient member : List.of(alice, bob)) {
                member.awaitGrpchat(lobby, before);
                member.awaitGrpchat(lobby, after);
            }
        }
    }

    // ------------------------------------------------------------------------- per-user limits

    /** One chat session per device, ten at most: the eleventh INVITE is refused; a BYE frees a place. */
    @Test
    void aUserHoldsAtMostTenChatSessionsAtOnce() {
        List<XccosClient> devices = new ArrayList<>();
        try {
            for (int i = 0; i < DIALOGS_PER_USER; i++) {
                devices.add(Demo.login("erin"));
            }
            XccosClient eleventh = Demo.connect("erin");
            devices.add(eleventh);
            assertThat(eleventh.register(Demo.PASSWORD).status()).isEqualTo(200);

            assertThatThrownBy(() -> eleventh.invite(Demo.POOL_URI)).isInstanceOfSatisfying(SipFailureException.class,
                    refused -> assertThat(refused.response()).satisfies(response -> {
                        assertThat(response.status()).isEqualTo(403);
                        assertThat(response.reason()).isEqualTo("Too many chat sessions for this user (at most "
                                + DIALOGS_PER_USER + ")");
                    }));

            assertThat(devices.get(0).bye().status()).isEqualTo(200);
            devices.get(0).dropDialog();
            eleventh.invite(Demo.POOL_URI);
            assertThat(eleventh.requri().code()).as("the freed place taken").isEqualTo(200);
        } finally {
            devices.forEach(XccosClient::close);
        }
    }

    /**
     * A client that sends requests as fast as it gets answers: the burst passes, then it is
     * refused with 503 and Retry-After, and a second later it is served again.
     */
    @Test
    void aFloodOfRequestsFromOneUserIsRefusedUntilTheAllowanceRefills() {
        try (XccosClient carol = Demo.login("carol")) {
            ReceivedResponse refused = null;
            int sent = 0;
            while (refused == null && sent < 3 * REQUEST_BURST) {
                ReceivedResponse answer = carol.send("requri", "").sip();
                sent++;
                if (answer.status() == 503) {
                    refused = answer;
                } else {
                    assertThat(answer.status()).as("request " + sent).isEqualTo(200);
                }
            }
            System.out.println("XccosLimitsIT: the request-rate limit refused request " + sent);

            assertThat(refused).as("refused within " + sent + " requests").isNotNull();
            assertThat(sent).as("the burst passes").isGreaterThan(REQUEST_BURST - 10);
            assertThat(refused.reason()).isEqualTo("Too many requests from this user (above " + REQUESTS_PER_SECOND
                    + " per second)");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            Demo.settle(Duration.ofSeconds(2));
            assertThat(carol.requri().code()).as("served again").isEqualTo(200);
        }
    }

    // ------------------------------------------------------------------------- what outsiders learn

    @Test
    void daveJoiningProjectXIsAnsweredExactlyAsForARoomThatDoesNotExist() {
        try (XccosClient alice = Demo.login("alice"); XccosClient dave = Demo.login("dave")) {
            String projectX = alice.roomUri("Project X");
            String missing = CHAN_PREFIX + UUID.randomUUID();

            Xccos.Reply secret = dave.join(projectX);
            Xccos.Reply none = dave.join(missing);

            assertThat(secret.code()).isEqualTo(404).isEqualTo(none.code());
            assertThat(secret.text()).isEqualTo("ERR_NOT_FOUND: no such room: " + projectX)
                    .isEqualTo(none.text().replace(missing, projectX))
                    .doesNotContain("Project X");
            assertThat(dave.bjoin(List.of(projectX, missing)).failures()).extracting(Xccos.Failure::key)
                    .containsExactly("OPERATION_FAILED", "OPERATION_FAILED");
        }
    }

    @Test
    void postsAndHistoryInASecretRoomAreAnsweredAsForAMissingRoom() {
        try (XccosClient alice = Demo.login("alice"); XccosClient dave = Demo.login("dave")) {
            String projectX = alice.roomUri("Project X");
            String missing = CHAN_PREFIX + UUID.randomUUID();

            XccosClient.Sent secretPost = dave.post(projectX, "hello?");
            XccosClient.Sent missingPost = dave.post(missing, "hello?");
            assertThat(secretPost.sip().status()).as("was 409: join first").isEqualTo(404)
                    .isEqualTo(missingPost.sip().status());
            assertThat(secretPost.sip().reason()).isEqualTo(missingPost.sip().reason().replace(missing, projectX));
            assertThat(dave.awaitReplyTo(secretPost.envid()).text())
                    .isEqualTo(dave.awaitReplyTo(missingPost.envid()).text().replace(missing, projectX));

            Xccos.Reply history = dave.history(projectX, 10);
            assertThat(history.code()).isEqualTo(404);
            assertThat(history.text()).isEqualTo(dave.history(missing, 10).text().replace(missing, projectX));
        }
    }

    @Test
    void theTradingWallHidesTheDeskFromAnalysts() {
        try (XccosClient alice = Demo.login("alice"); XccosClient dave = Demo.login("dave")) {
            String desk = alice.roomUri("Desk");

            Xccos.Reply refused = dave.join(desk);

            assertThat(refused.code()).isEqualTo(404);
            assertThat(refused.text()).isEqualTo("ERR_NOT_FOUND: no such room: " + desk);
        }
    }

    @Test
    void theApiAnswersAnOutsiderAboutASecretRoomAsAboutAMissingOne() {
        Api dave = Api.demoUser("dave");
        String missing = Fixtures.unique("Project Y");

        for (String path : List.of("rooms/%s", "rooms/%s/messages")) {
            Api.Reply secret = dave.get(path.formatted(Api.segment("Project X")));
            Api.Reply none = dave.get(path.formatted(Api.segment(missing)));

            assertThat(secret.status()).as(path).isEqualTo(404).isEqualTo(none.status());
            assertThat(secret.detail()).as(path).isEqualTo(none.detail().replace(missing, "Project X"));
        }
    }

    private static String posts(String chanUri, String prefix, int count) {
        StringBuilder posts = new StringBuilder();
        for (int i = 0; i < count; i++) {
            posts.append(post(chanUri, prefix + " " + i));
        }
        return posts.toString();
    }

    private static String post(String chanUri, String text) {
        return "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + XccosXml.escape(chanUri) + "\"><chat>"
                + XccosXml.escape(text) + "</chat></grpchat>";
    }
}
