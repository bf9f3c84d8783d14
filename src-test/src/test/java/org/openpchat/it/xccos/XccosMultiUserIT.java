package org.openpchat.it.xccos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.client.xccos.Xccos;
import org.openpchat.client.xccos.XccosClient;
import org.openpchat.client.xccos.XccosXml;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;

/** Two and three users in a room: fan-out, join/part notices, history of posts made here. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class XccosMultiUserIT {

    private static final Duration SETTLE = Duration.ofMillis(1500);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @Test
    void twoUsersSeeEachOtherJoinPostAndPart() {
        try (XccosClient alice = Demo.login("alice"); XccosClient bob = Demo.login("bob")) {
            String lobby = alice.roomUri("Lobby");
            String uid = XccosXml.roomUid(lobby);
            assertThat(alice.join(lobby).code()).isEqualTo(200);

            Xccos.Reply bobJoin = bob.join(lobby);
            assertThat(bobJoin.code()).isEqualTo(200);
            assertThat(bobJoin.users()).extracting(Xccos.User::uri).contains("sip:alice@example.com")
                    .containsOnlyOnce("sip:bob@example.com");
            String aliceId = XccosCommandsIT.idOf(bobJoin.users(), "sip:alice@example.com");
            assertThat(bobJoin.channels().get(0).aib("3984")).contains(aliceId,
                    XccosCommandsIT.idOf(bobJoin.users(), "sip:bob@example.com"));

            Xccos.Notice joined = alice.awaitNotice("join", n -> n.users().stream()
                    .anyMatch(u -> "sip:bob@example.com".equals(u.uri())));
            Xccos.User bobUib = joined.users().stream().filter(u -> "sip:bob@example.com".equals(u.uri()))
                    .findFirst().orElseThrow();
            assertThat(bobUib.aibs()).anySatisfy(a -> {
                assertThat(a.key()).isEqualTo("3984");
                assertThat(a.domain()).isEqualTo("example.com");
                assertThat(a.value()).isEqualTo(uid);
            });

            // joining again is idempotent: no second notice
            assertThat(bob.join(lobby).code()).isEqualTo(200);
            Demo.settle(SETTLE);
            assertThat(alice.received(Xccos.Notice.class, n -> "ntc:join".equals(n.id()) && n.users().stream()
                    .anyMatch(u -> "sip:bob@example.com".equals(u.uri())))).hasSize(1);
            // the joiner gets no notice about itself
            assertThat(bob.received(Xccos.Notice.class, n -> "ntc:join".equals(n.id()) && n.users().stream()
                    .anyMatch(u -> "sip:bob@example.com".equals(u.uri())))).isEmpty();

            String fromBob = Fixtures.unique("from bob");
            assertThat(bob.post(lobby, fromBob).sip().status()).isEqualTo(200);
            assertThat(alice.awaitGrpchat(lobby, fromBob).author()).isEqualTo("sip:bob@example.com");
            assertThat(bob.awaitGrpchat(lobby, fromBob).author()).isEqualTo("sip:bob@example.com");

            assertThat(bob.part(lobby).code()).isEqualTo(200);
            Xccos.Notice parted = alice.awaitNotice("part", n -> n.channels().stream().anyMatch(c -> lobby.equals(
                    c.uri()) && c.users().stream().anyMatch(u -> "sip:bob@example.com".equals(u.uri()))));
            assertThat(parted.channels()).isNotEmpty();

            // bob left: alice's next post reaches alice only
            String afterPart = Fixtures.unique("after part");
            assertThat(alice.post(lobby, afterPart).sip().status()).isEqualTo(200);
            alice.awaitGrpchat(lobby, afterPart);
            Demo.settle(SETTLE);
            assertThat(bob.received(Xccos.GrpChat.class, g -> afterPart.equals(g.text()))).isEmpty();
        }
    }

    @Test
    void threeUsersGetEveryPostExactlyOnceAuthorIncluded() {
        try (XccosClient alice = Demo.login("alice"); XccosClient bob = Demo.login("bob");
                XccosClient carol = Demo.login("carol"); XccosClient erin = Demo.login("erin")) {
            String lobby = alice.roomUri("Lobby");
            List<XccosClient> members = List.of(alice, bob, carol);
            for (XccosClient c : members) {
                assertThat(c.join(lobby).code()).isEqualTo(200);
            }
            // erin is connected but has not joined: she gets nothing

            List<String> texts = new ArrayList<>();
            for (XccosClient author : members) {
                for (int i = 0; i < 2; i++) {
                    String text = Fixtures.unique(author.user() + " #" + i);
                    texts.add(text);
                    assertThat(author.post(lobby, text).sip().status()).isEqualTo(200);
                }
            }
            for (XccosClient c : members) {
                for (String text : texts) {
                    c.awaitGrpchat(lobby, text);
                }
            }
            Demo.settle(SETTLE);
            for (XccosClient c : members) {
                for (String text : texts) {
                    assertThat(c.received(Xccos.GrpChat.class, g -> text.equals(g.text())))
                            .as("%s receives %s", c.user(), text).hasSize(1);
                }
                // each author's posts arrive in the order they were sent
                List<String> seen = c.received(Xccos.GrpChat.class, g -> texts.contains(g.text())).stream()
                        .map(Xccos.GrpChat::text).toList();
                for (XccosClient author : members) {
                    List<String> own = texts.stream().filter(t -> t.startsWith(author.user())).toList();
                    assertThat(seen.stream().filter(own::contains).toList()).isEqualTo(own);
                }
            }
            assertThat(erin.received(Xccos.GrpChat.class, g -> texts.contains(g.text()))).isEmpty();

            // the notices: carol joined last, so alice and bob were told
            for (XccosClient c : List.of(alice, bob)) {
                assertThat(c.received(Xccos.Notice.class, n -> "ntc:join".equals(n.id()) && n.users().stream()
                        .anyMatch(u -> "sip:carol@example.com".equals(u.uri())))).hasSize(1);
            }

            // BYE leaves every room of the session: the others are told carol left
            assertThat(carol.bye().status()).isEqualTo(200);
            carol.dropDialog();
            for (XccosClient c : List.of(alice, bob)) {
                c.awaitNotice("part", n -> n.channels().stream().anyMatch(ch -> lobby.equals(ch.uri())
                        && ch.users().stream().anyMatch(u -> "sip:carol@example.com".equals(u.uri()))));
            }
        }
    }

    @Test
    void historyReturnsTheNewestPostsOldestFirstIncludingTodays() {
        try (XccosClient alice = Demo.login("alice"); XccosClient bob = Demo.login("bob")) {
            String lobby = alice.roomUri("Lobby");
            assertThat(alice.join(lobby).code()).isEqualTo(200);
            List<String> posted = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String text = Fixtures.unique("history " + i);
                posted.add(text);
                assertThat(alice.post(lobby, text).sip().status()).isEqualTo(200);
                alice.awaitGrpchat(lobby, text); // stored before it is echoed
            }
            assertThat(bob.join(lobby).code()).isEqualTo(200);
            List<Xccos.HistoryMessage> three = bob.history(lobby, 3).history();
            assertThat(three).extracting(Xccos.HistoryMessage::text).containsExactlyElementsOf(posted);
            assertThat(three).extracting(Xccos.HistoryMessage::author).containsOnly("sip:alice@example.com");
            assertThat(three).extracting(Xccos.HistoryMessage::chanUri).containsOnly(lobby);
            assertThat(three.stream().map(m -> Long.parseLong(m.msgid())).toList()).isSorted()
                    .doesNotHaveDuplicates();
            assertThat(bob.history(lobby, 2).history()).extracting(Xccos.HistoryMessage::text)
                    .containsExactlyElementsOf(posted.subList(1, 3));
        }
    }
}
