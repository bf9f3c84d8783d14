package org.openpchat.it.xccos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.client.sip.ReceivedRequest;
import org.openpchat.client.xccos.Xccos;
import org.openpchat.client.xccos.XccosClient;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;
import org.openpchat.it.api.Api;

/**
 * Changes of rights reach the people already in the rooms: whoever may no longer be in a room is
 * taken out of it at once (they and the others get {@code ntc:part}) and gets no further post; a
 * changed password ends the user's chat dialog.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class XccosAccessChangesIT {

    private static final Duration SETTLE = Duration.ofMillis(1500);

    private final Api admin = Api.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    private String createRoom(String privacy) {
        String room = Fixtures.unique("Access");
        Api.Reply created = admin.post("rooms", "{\"name\": \"" + room + "\", \"category\": \"General\", \"privacy\": \""
                + privacy + "\", \"members\": [\"sip:alice@example.com\", \"sip:bob@example.com\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return room;
    }

    private static boolean parts(Xccos.Notice notice, String roomUri, String user) {
        return notice.channels().stream().anyMatch(c -> roomUri.equals(c.uri())
                && c.users().stream().anyMatch(u -> ("sip:" + user).equals(u.uri())));
    }

    @Test
    void aMemberRemovedByAnAdministratorLeavesTheRoomAndGetsNoMorePosts() {
        String room = createRoom("Closed");
        try (XccosClient alice = Demo.login("alice"); XccosClient bob = Demo.login("bob")) {
            String uri = alice.roomUri(room);
            assertThat(alice.join(uri).code()).isEqualTo(200);
            assertThat(bob.join(uri).code()).isEqualTo(200);
            String before = Fixtures.unique("before");
            assertThat(alice.post(uri, before).sip().status()).isEqualTo(200);
            bob.awaitGrpchat(uri, before);

            Api.Reply changed = admin.patch("rooms/" + Api.segment(room),
                    "{\"members\": {\"remove\": [\"sip:bob@example.com\"]}}");
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

            bob.awaitNotice("part", n -> parts(n, uri, "bob@example.com"));
            alice.awaitNotice("part", n -> parts(n, uri, "bob@example.com"));
            String after = Fixtures.unique("after");
            assertThat(alice.post(uri, after).sip().status()).isEqualTo(200);
            alice.awaitGrpchat(uri, after);
            Demo.settle(SETTLE);
            assertThat(bob.received(Xccos.GrpChat.class, g -> after.equals(g.text()))).as("bob was removed").isEmpty();
            assertThat(bob.join(uri).code()).as("and may not come back").isEqualTo(403);
        } finally {
            admin.delete("rooms/" + Api.segment(room));
        }
    }

    @Test
    void aDisabledRoomEmptiesAndARemovedRoomToo() {
        String disabled = createRoom("Open");
        String removed = createRoom("Open");
        try (XccosClient alice = Demo.login("alice")) {
            String disabledUri = alice.roomUri(disabled);
            String removedUri = alice.roomUri(removed);
            assertThat(alice.join(disabledUri).code()).isEqualTo(200);
            assertThat(alice.join(removedUri).code()).isEqualTo(200);

            assertThat(admin.patch("rooms/" + Api.segment(disabled), "{\"disabled\": true}").status()).isEqualTo(200);
            alice.awaitNotice("part", n -> parts(n, disabledUri, "alice@example.com"));
            assertThat(admin.delete("rooms/" + Api.segment(removed)).status()).isEqualTo(204);
            alice.awaitNotice("part", n -> parts(n, removedUri, "alice@example.com"));
        } finally {
            admin.delete("rooms/" + Api.segment(disabled));
        }
    }

    @Test
    void aChangedPasswordEndsTheUsersChatDialog() {
        String name = Fixtures.unique("reset");
        String user = name + "@example.com";
        assertThat(admin.post("users", "{\"uri\": \"sip:" + user + "\", \"password\": \"" + Demo.PASSWORD
                + "\", \"groups\": [\"staff\"]}").status()).isEqualTo(201);
        try (XccosClient client = Demo.login(user); XccosClient alice = Demo.login("alice")) {
            String lobby = client.roomUri("Lobby");
            assertThat(alice.join(lobby).code()).isEqualTo(200);
            assertThat(client.join(lobby).code()).isEqualTo(200);

            assertThat(admin.patch("users/sip:" + user, "{\"password\": \"Another-pass-2\"}").status()).isEqualTo(200);

            ReceivedRequest bye = client.sip().awaitRequest("BYE", Duration.ofSeconds(10));
            assertThat(bye).as("the server ends the dialog").isNotNull();
            alice.awaitNotice("part", n -> parts(n, lobby, user));
            client.dropDialog();
        } finally {
            admin.delete("users/sip:" + user);
        }
    }
}
