package org.openpchat.it.sipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;
import org.openpchat.it.api.Api;

/**
 * What an administrator does through the REST API is what real SIPE clients meet: a room created
 * for bob is found and joined by bob and unseen by carol, a post made through the API reaches
 * bob's client, and a member removed through the API can no longer join. The clients sign in
 * over TLS (127.0.0.1:5061).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SipeAdministrationIT {

    private static final String PASSWORD = "Passw0rd!";
    private static final Duration QUIET = Duration.ofSeconds(3);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    private final List<SipeClient> clients = new ArrayList<>();
    private final Api admin = Api.admin();
    private Path logDir;
    private String room;
    private String uri;

    @BeforeEach
    void aSecretRoomForBobAndAlice(TestInfo test) throws Exception {
        SipeClient.requireDriver();
        logDir = Path.of(System.getProperty("sipe.logs", "target/sipe-logs")).resolve("SipeAdministrationIT."
                + test.getTestMethod().orElseThrow().getName() + "-" + System.getProperty("pchat.it.database", "h2"));
        deleteTree(logDir);
        room = Fixtures.unique("Bond Desk");
        Api.Reply created = admin.post("rooms", "{\"name\": \"" + room + "\", \"category\": \"General\","
                + " \"privacy\": \"Secret\", \"members\": [\"sip:bob@example.com\", \"sip:alice@example.com\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        uri = created.object().getString("uri");
    }

    @AfterEach
    void signOut() {
        SipeClient.closeAll(clients);
    }

    @Test
    void aRoomMadeThroughTheApiIsFoundAndJoinedByItsMemberOnly() {
        SipeClient bob = start("bob");
        SipeClient carol = start("carol");
        bob.signOn();
        carol.signOn();

        assertThat(bob.rooms()).filteredOn(r -> r.name().equals(room)).singleElement()
                .satisfies(r -> assertThat(r.uri()).isEqualTo(uri));
        assertThat(carol.rooms()).extracting(SipeEvent.Room::name).doesNotContain(room);

        bob.join(uri, room);
        bob.expect(SipeEvent.CHAT_BUDDY_JOINED, Pattern.quote(room), bob.uri());
        String alert = Fixtures.unique("Build 42 is red");
        Api.Reply posted = Api.demoUser("alice").post("rooms/" + Api.segment(room) + "/messages",
                "{\"content\": \"" + alert + "\"}");
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        bob.expect(SipeEvent.CHAT_MSG, Pattern.quote(room), "sip:alice@example.com", Pattern.quote(alert));
        assertThat(bob.all(SipeEvent.CHAT_ERROR)).isEmpty();
    }

    @Test
    void aMemberRemovedThroughTheApiCanNoLongerJoin() {
        Api.Reply removed = admin.patch("rooms/" + Api.segment(room), "{\"members\": {\"remove\":"
                + " [\"sip:bob@example.com\"]}}");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);

        SipeClient bob = start("bob");
        bob.signOn();
        assertThat(bob.rooms()).extracting(SipeEvent.Room::name).doesNotContain(room);
        bob.send("join " + uri);
        bob.expect(SipeEvent.CMD_OK, "join");
        SipeEvent error = bob.expect(SipeEvent.NOTIFY, null, "Error joining chat room");
        assertThat(error.field(2)).as("the server's reason").isNotBlank();
        bob.expectNone(QUIET, SipeEvent.CHAT_JOINED);
    }

    private SipeClient start(String user) {
        SipeClient client = SipeClient.start(user, PASSWORD, logDir);
        clients.add(client);
        return client;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
