package org.openpchat.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.it.api.AdministrationApiIT.assertProblem;
import static org.openpchat.it.api.Api.segment;

import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;
import org.openpchat.client.xccos.Xccos;
import org.openpchat.client.xccos.XccosClient;
import org.openpchat.it.xccos.Demo;

/**
 * Posting and reading through the API with the same rights as over SIP, administrators'
 * search, and moderation (remove, replace, clear) as SIP clients and the compliance export see it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MessagesApiIT {

    private final Api admin = Api.admin();
    private final Api alice = Api.demoUser("alice");
    private String room;
    private String roomPath;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    /** A Closed room in General (staff) with members alice and bob. */
    @BeforeEach
    void aClosedRoom() {
        room = Fixtures.unique("Alerts");
        roomPath = "rooms/" + segment(room) + "/messages";
        Api.Reply created = admin.post("rooms", "{\"name\": \"" + room + "\", \"category\": \"General\","
                + " \"privacy\": \"Closed\", \"members\": [\"sip:alice@example.com\", \"sip:bob@example.com\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void aPostThroughTheApiIsStoredAndReachesTheSipClientsInTheRoom() {
        try (XccosClient bob = Demo.login("bob")) {
            String uri = bob.roomUri(room);
            assertThat(bob.join(uri).code()).isEqualTo(200);

            String text = Fixtures.unique("Build 42 is red");
            Api.Reply posted = alice.post(roomPath, "{\"content\": \"" + text + "\"}");
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
            JsonObject message = posted.object();
            assertThat(message.getString("author")).isEqualTo("sip:alice@example.com");
            assertThat(message.getString("room")).isEqualTo(room);
            assertThat(posted.header("Location")).endsWith("/messages/" + message.getInt("id"));

            Xccos.GrpChat delivered = bob.awaitGrpchat(uri, text);
            assertThat(delivered.author()).isEqualTo("sip:alice@example.com");
            assertThat(delivered.attributes().get("msgid")).isEqualTo(String.valueOf(message.getInt("id")));
            assertThat(admin.get(posted.header("Location")).object()).isEqualTo(message);
        }
    }

    @Test
    void historyIsPagedByMessageIdOldestFirst() {
        for (int i = 1; i <= 7; i++) {
            assertThat(alice.post(roomPath, "{\"content\": \"m" + i + "\"}").status()).isEqualTo(201);
        }

        assertThat(contents(alice.get(roomPath + "?limit=3"))).containsExactly("m5", "m6", "m7");
        assertThat(contents(alice.get(roomPath + "?before=5&limit=2"))).containsExactly("m3", "m4");
        assertThat(contents(alice.get(roomPath + "?after=5"))).containsExactly("m6", "m7");
        assertThat(contents(alice.get(roomPath))).hasSize(7);
        assertProblem(alice.get(roomPath + "?before=3&after=1"), 400, null, "not both");
        assertProblem(alice.get(roomPath + "?limit=0"), 400, "limit", "between 1 and 500");
    }

    @Test
    void theApiGivesExactlyTheRightsSipGives() {
        assertProblem(Api.demoUser("carol").post(roomPath, "{\"content\": \"let me in\"}"), 403, null,
                "may not post");
        assertProblem(Api.demoUser("carol").get(roomPath), 403, null, "may not read");
        assertProblem(Api.demoUser("bob").post("rooms/Announcements/messages", "{\"content\": \"hi\"}"), 403, null,
                "only presenters");
        assertThat(Api.demoUser("alice").post("rooms/Announcements/messages", "{\"content\": \"news\"}").status())
                .isEqualTo(201);
        assertProblem(alice.post(roomPath, "{\"content\": \"" + "x".repeat(8001) + "\"}"), 400, "content", "8000");
        assertProblem(alice.post(roomPath, "{\"text\": \"wrong field\"}"), 400, "text", "unknown field");
        assertProblem(Api.anonymous().post(roomPath, "{\"content\": \"x\"}"), 401, null, null);
        assertProblem(alice.delete(roomPath + "/1"), 403, null, "administrators");
    }

    @Test
    void removedReplacedAndClearedHistoryIsWhatClientsReadAndIsCaptured() throws Exception {
        String rude = Fixtures.unique("rude remark");
        String fixed = Fixtures.unique("typo fixed");
        long first = post("first post");
        long second = post(rude);
        long third = post("typo here");
        ComplianceExport export = ComplianceExport.create(admin, "moderation");

        assertThat(admin.delete(roomPath + "/" + second).status()).isEqualTo(204);
        Api.Reply replaced = admin.post(roomPath + "/" + third + ":replace", "{\"content\": \"" + fixed + "\"}");
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.object().getString("content")).isEqualTo(fixed);
        Api.Reply defaulted = admin.post(roomPath + "/" + first + ":replace", "{}");
        assertThat(defaulted.object().getString("content"))
                .isEqualTo("This message was replaced by the Persistent Chat administrator.");
        assertProblem(admin.delete(roomPath + "/" + second), 404, null, "has no message " + second);

        try (XccosClient bob = Demo.login("bob")) {
            String uri = bob.roomUri(room);
            assertThat(bob.join(uri).code()).isEqualTo(200);
            assertThat(bob.history(uri, 25).history()).extracting(Xccos.HistoryMessage::text).containsExactly(
                    "This message was replaced by the Persistent Chat administrator.", fixed);
        }

        Api.Reply cleared = admin.post("rooms/" + segment(room) + ":clear",
                "{\"before\": \"" + Instant.now().plusSeconds(5) + "\"}");
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.object().getInt("removed")).isEqualTo(2);
        assertThat(contents(alice.get(roomPath))).isEmpty();

        String xml = export.runUntil("removed: " + rude, "with: " + fixed, "cleared 2 messages");
        assertThat(xml).contains("type=\"REMOVE\"", "type=\"REPLACE\"", "type=\"CLEAR\"");
    }

    @Test
    void administratorsSearchEveryRoomPagedByCursor() {
        String word = "zebra" + Fixtures.unique("w").replace("-", "");
        for (int i = 1; i <= 5; i++) {
            post(word + " number " + i);
        }
        assertThat(Api.demoUser("carol").post("rooms/Lobby/messages", "{\"content\": \"" + word + " in lobby\"}")
                .status()).isEqualTo(201);

        JsonObject all = admin.get("messages?text=" + word).object();
        assertThat(all.getBoolean("exceededLimit")).isFalse();
        assertThat(all.getJsonArray("messages")).hasSize(6);
        assertThat(all.getJsonArray("messages").get(0).asJsonObject().getString("content")).isEqualTo(word + " in lobby");

        JsonObject page1 = admin.get("messages?text=" + word + "&room=" + segment(room) + "&limit=3").object();
        assertThat(page1.getBoolean("exceededLimit")).isTrue();
        assertThat(texts(page1)).containsExactly(word + " number 5", word + " number 4", word + " number 3");
        JsonObject page2 = admin.get("messages?text=" + word + "&room=" + segment(room) + "&limit=3&cursor="
                + page1.getString("next")).object();
        assertThat(texts(page2)).containsExactly(word + " number 2", word + " number 1");
        assertThat(page2.getBoolean("exceededLimit")).isFalse();

        assertThat(texts(admin.get("messages?author=carol@example.com&text=" + word).object()))
                .containsExactly(word + " in lobby");
        assertProblem(admin.get("messages"), 400, "text", "text or an author");
        assertProblem(admin.get("messages?text=x&cursor=garbage!"), 400, null, "cursor");
        assertProblem(alice.get("messages?text=" + word), 403, null, "administrators");
    }

    @Test
    void theMessageTestSignsTwoUsersInAndReportsEveryStep() {
        Api.Reply run = admin.post("health/message-test", messageTest("Passw0rd!"));
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        JsonObject result = run.object();
        assertThat(result.getBoolean("success")).as(result.toString()).isTrue();
        assertThat(result.containsKey("failedStep")).isFalse();
        assertThat(result.getJsonArray("steps").getValuesAs(JsonObject.class)).extracting(step -> step.getString("name"))
                .containsExactly("register-sender", "register-receiver", "open-sender-session", "open-receiver-session",
                        "find-room", "receiver-joins", "sender-joins", "post", "receive", "leave", "sign-out");
        assertThat(result.getJsonArray("steps").getValuesAs(JsonObject.class)).allSatisfy(step -> {
            assertThat(step.getBoolean("success")).isTrue();
            assertThat(step.getJsonNumber("durationMs").longValue()).isNotNegative();
        });

        JsonObject wrong = admin.post("health/message-test", messageTest("not-the-password")).object();
        assertThat(wrong.getBoolean("success")).isFalse();
        assertThat(wrong.getString("failedStep")).isEqualTo("register-sender");
        assertProblem(alice.post("health/message-test", messageTest("Passw0rd!")), 403, null, "administrators");
        assertProblem(admin.post("health/message-test", messageTest("Passw0rd!").replace("\"room\"",
                "\"registrarHost\": \"www.example.org\", \"room\"")), 400, "registrarHost", "loopback");
    }

    @Test
    void theMessageTestNamesTheFailedStepWhenTheChatPoolIsStopped() throws Exception {
        int stopped;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            stopped = socket.getLocalPort(); // nothing listens there once it is closed
        }
        JsonObject result = admin.post("health/message-test", messageTest("Passw0rd!").replace("\"room\"",
                "\"registrarHost\": \"127.0.0.1\", \"registrarPort\": " + stopped + ", \"stepTimeout\": \"PT5S\", \"room\""))
                .object();

        assertThat(result.getBoolean("success")).as(result.toString()).isFalse();
        assertThat(result.getString("failedStep")).isEqualTo("register-sender");
        List<JsonObject> steps = result.getJsonArray("steps").getValuesAs(JsonObject.class);
        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).getBoolean("success")).isFalse();
        assertThat(steps.get(0).getString("detail")).isNotBlank();
    }

    private static String messageTest(String senderPassword) {
        return "{\"sender\": \"sip:alice@example.com\", \"senderPassword\": \"" + senderPassword + "\","
                + " \"receiver\": \"sip:bob@example.com\", \"receiverPassword\": \"Passw0rd!\", \"room\": \"Lobby\"}";
    }

    private long post(String text) {
        Api.Reply posted = alice.post(roomPath, "{\"content\": \"" + text + "\"}");
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        return posted.object().getInt("id");
    }

    private static List<String> contents(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class).stream().map(m -> m.getString("content")).toList();
    }

    private static List<String> texts(JsonObject found) {
        return found.getJsonArray("messages").getValuesAs(JsonObject.class).stream().map(m -> m.getString("content"))
                .toList();
    }
}
