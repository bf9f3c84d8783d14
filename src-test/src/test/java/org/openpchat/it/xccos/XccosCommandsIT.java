package org.openpchat.it.xccos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.openpchat.it.api.Api;

/** Every XCCOS command of the contract and its refusal codes, one user at a time. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class XccosCommandsIT {

    private static final String CHAN_PREFIX = "ma-chan://example.com/";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    // ------------------------------------------------------------------------- requri, getserverinfo

    @Test
    void requriNamesThePoolAndEchoesTheCommandIds() {
        try (XccosClient alice = Demo.login("alice")) {
            XccosClient.Sent sent = alice.send("requri", "");
            assertThat(sent.sip().status()).isEqualTo(200);
            Xccos.Reply r = alice.awaitReplyTo(sent.envid());
            assertThat(r.id()).isEqualTo("rpl:requri");
            assertThat(r.seqid()).isEqualTo(sent.seqid());
            assertThat(r.commandSeqid()).isEqualTo(sent.seqid());
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("SUCCESS_OK");
            assertThat(r.users()).extracting(Xccos.User::uri).containsExactly(Demo.POOL_URI);
            assertThat(alice.inbox().get(0).envelope().ver()).isEqualTo("1");
        }
    }

    @Test
    void getserverinfoDescribesTheServer() {
        try (XccosClient alice = Demo.login("alice")) {
            Xccos.Reply r = alice.getServerInfo();
            assertThat(r.id()).isEqualTo("rpl:getserverinfo");
            assertThat(r.code()).isEqualTo(200);
            Map<String, String> sib = r.serverInfo();
            assertThat(sib).containsKeys("infoType", "serverTime", "searchLimit", "messageSizeLimit",
                    "storySizeLimit", "rootUri", "dbVersion");
            assertThat(sib.get("serverTime")).endsWith("Z");
            assertThat(Duration.between(Instant.parse(sib.get("serverTime")), Instant.now()).abs())
                    .isLessThan(Duration.ofMinutes(5));
            assertThat(sib.get("searchLimit")).isEqualTo("999");
            assertThat(Integer.parseInt(sib.get("messageSizeLimit"))).isPositive();
            assertThat(Integer.parseInt(sib.get("storySizeLimit"))).isPositive();
            assertThat(sib.get("rootUri")).startsWith("ma-cat://example.com/");
            assertThat(sib.get("dbVersion")).isNotBlank();
        }
    }

    // ------------------------------------------------------------------------- chansrch

    @Test
    void chansrchListsTheRoomsEachUserMaySee() {
        try (XccosClient alice = Demo.login("alice"); XccosClient bob = Demo.login("bob");
                XccosClient dave = Demo.login("dave")) {
            assertThat(names(alice.chansrch(""))).contains("Lobby", "Announcements", "Project X", "Desk");
            assertThat(names(bob.chansrch(""))).contains("Lobby", "Announcements", "Desk")
                    .doesNotContain("Project X");
            assertThat(names(bob.chansrch("Project X"))).doesNotContain("Project X");
            assertThat(names(dave.chansrch(""))).contains("Lobby", "Announcements")
                    .doesNotContain("Project X", "Desk");
        }
    }

    @Test
    void chansrchDescribesEachRoom() {
        try (XccosClient alice = Demo.login("alice")) {
            Xccos.Reply r = alice.chansrch("");
            assertThat(r.id()).isEqualTo("rpl:chansrch");
            assertThat(r.code()).isEqualTo(200);
            Xccos.Channel lobby = channel(r, "Lobby");
            assertThat(lobby.uri()).startsWith(CHAN_PREFIX);
            assertThat(lobby.uid()).isNotBlank().doesNotContain("/");
            assertThat(lobby.description()).isNotNull();
            assertThat(Integer.parseInt(lobby.info("ucnt"))).isNotNegative();
            assertThat(lobby.info("visibilty")).isEqualTo("public");
            for (String prop : List.of("filepost", "invite", "logged")) {
                assertThat(lobby.prop(prop)).as(prop).isIn("true", "false");
            }
            assertThat(channel(r, "Project X").info("visibilty")).isEqualTo("private");
            assertThat(channel(r, "Desk").info("visibilty")).isEqualTo("private");
            assertThat(names(alice.chansrch("Lob"))).contains("Lobby").doesNotContain("Desk");
        }
    }

    // ------------------------------------------------------------------------- join, bjoin, part

    @Test
    void joinListsTheMembersAndTheRoom() {
        try (XccosClient alice = Demo.login("alice")) {
            String lobby = alice.roomUri("Lobby");
            Xccos.Reply r = alice.join(lobby);
            assertThat(r.id()).isEqualTo("rpl:join");
            assertThat(r.code()).as(r.toString()).isEqualTo(200);
            List<Xccos.User> users = r.users();
            assertThat(users).extracting(Xccos.User::uri).containsOnlyOnce("sip:alice@example.com")
                    .doesNotHaveDuplicates();
            assertThat(users).extracting(Xccos.User::id).doesNotHaveDuplicates().doesNotContainNull();
            Xccos.Channel ch = r.channels().get(0);
            assertThat(ch.uri()).isEqualTo(lobby);
            assertThat(ch.name()).isEqualTo("Lobby");
            String aliceId = idOf(users, "sip:alice@example.com");
            assertThat(ch.aib("3984")).contains(aliceId);
            assertThat(users).extracting(Xccos.User::id).containsAll(ch.aib("3984")).containsAll(ch.aib("12276"));

            // again from the same session: 200, still listed once
            Xccos.Reply again = alice.join(lobby);
            assertThat(again.code()).isEqualTo(200);
            assertThat(again.users()).extracting(Xccos.User::uri).containsOnlyOnce("sip:alice@example.com");
        }
    }

    @Test
    void theManagerIsMarkedInTheJoinReply() {
        try (XccosClient bob = Demo.login("bob")) {
            Xccos.Reply r = bob.join(bob.roomUri("Desk"));
            assertThat(r.code()).as(r.toString()).isEqualTo(200);
            assertThat(r.channels().get(0).aib("12276")).contains(idOf(r.users(), "sip:bob@example.com"));
        }
    }

    @Test
    void joiningAnUnknownRoomGets404() {
        try (XccosClient dave = Demo.login("dave")) {
            Xccos.Reply unknown = dave.join(CHAN_PREFIX + UUID.randomUUID());
            assertThat(unknown.id()).isEqualTo("rpl:join");
            assertThat(unknown.code()).isEqualTo(404);
            assertThat(unknown.text()).startsWith("ERR_NOT_FOUND");
        }
    }

    @Test
    void anAnalystMayNotJoinTheTradingDesk() {
        try (XccosClient dave = Demo.login("dave"); XccosClient alice = Demo.login("alice")) {
            // the Trading category denies analysts: dave may not even know Desk exists (issue 11: 404, was 403)
            Xccos.Reply desk = dave.join(alice.roomUri("Desk"));
            assertThat(desk.id()).isEqualTo("rpl:join");
            assertThat(desk.code()).isEqualTo(404);
            assertThat(desk.text()).startsWith("ERR_NOT_FOUND").doesNotContain("Desk");
        }
    }

    @Test
    void aJoinWithoutAChannelIsABadRequest() {
        try (XccosClient dave = Demo.login("dave")) {
            Xccos.Reply bad = dave.command("join", "<chanid key=\"0\" domain=\"example.com\"/>");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.text()).startsWith("ERR_BAD_REQUEST");
            Xccos.Reply none = dave.command("join", "");
            assertThat(none.code()).isEqualTo(400);
        }
    }

    @Test
    void bjoinListsARoomItMayNotJoinAsFailed() {
        try (XccosClient dave = Demo.login("dave"); XccosClient alice = Demo.login("alice")) {
            String lobby = dave.roomUri("Lobby");
            String desk = alice.roomUri("Desk");
            Xccos.Reply r = dave.bjoin(List.of(lobby, desk));
            assertThat(r.id()).isEqualTo("rpl:bjoin");
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.channels()).extracting(Xccos.Channel::uri).containsExactly(lobby);
            assertThat(r.failures()).containsExactly(
                    new Xccos.Failure("OPERATION_FAILED", XccosXml.roomUid(desk), "example.com"));
            assertThat(r.users()).extracting(Xccos.User::uri).contains("sip:dave@example.com");
        }
    }

    @Test
    void bjoinListsAnUnknownRoomAsFailed() {
        try (XccosClient erin = Demo.login("erin")) {
            String lobby = erin.roomUri("Lobby");
            String missing = CHAN_PREFIX + UUID.randomUUID();
            Xccos.Reply r = erin.bjoin(List.of(missing, lobby));
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.channels()).extracting(Xccos.Channel::uri).containsExactly(lobby);
            assertThat(r.failures()).containsExactly(
                    new Xccos.Failure("OPERATION_FAILED", XccosXml.roomUid(missing), "example.com"));
        }
    }

    @Test
    void partLeavesAndOnlyAJoinedRoomCanBeLeft() {
        try (XccosClient erin = Demo.login("erin")) {
            String lobby = erin.roomUri("Lobby");
            assertThat(erin.join(lobby).code()).isEqualTo(200);
            Xccos.Reply r = erin.part(lobby);
            assertThat(r.id()).isEqualTo("rpl:part");
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.channels()).extracting(Xccos.Channel::uri).containsExactly(lobby);
            Xccos.Reply again = erin.part(lobby);
            assertThat(again.code()).isEqualTo(409);
            assertThat(again.text()).startsWith("ERR_NOT_JOINED");
        }
    }

    // ------------------------------------------------------------------------- bccontext

    @Test
    void bccontextReturnsTheNewestMessagesOldestFirst() {
        try (XccosClient erin = Demo.login("erin")) {
            String lobby = erin.roomUri("Lobby");
            assertThat(erin.join(lobby).code()).isEqualTo(200);
            Xccos.Reply all = erin.history(lobby, null);
            assertThat(all.id()).isEqualTo("rpl:bccontext");
            assertThat(all.code()).isEqualTo(200);
            assertThat(all.channels().get(0).uri()).isEqualTo(lobby);
            List<Xccos.HistoryMessage> messages = all.history();
            assertThat(messages).hasSizeBetween(4, 30);
            assertThat(messages).allSatisfy(m -> {
                assertThat(m.id()).isEqualTo("grpchat");
                assertThat(m.chanUri()).isEqualTo(lobby);
                assertThat(m.author()).startsWith("sip:");
                assertThat(m.ts()).isNotBlank();
                assertThat(m.text()).isNotNull();
            });
            assertThat(messages.stream().map(m -> Long.parseLong(m.msgid())).toList()).isSorted();

            List<Xccos.HistoryMessage> two = erin.history(lobby, 2).history();
            assertThat(two).hasSize(2);
            assertThat(two).isEqualTo(messages.subList(messages.size() - 2, messages.size()));
            assertThat(erin.history(lobby, 1000).history()).hasSizeLessThanOrEqualTo(30);
        }
    }

    @Test
    void bccontextInARoomNotJoinedGets409() {
        try (XccosClient erin = Demo.login("erin")) {
            Xccos.Reply notJoined = erin.history(erin.roomUri("Lobby"), 5);
            assertThat(notJoined.id()).isEqualTo("rpl:bccontext");
            assertThat(notJoined.code()).as(notJoined.toString()).isEqualTo(409);
            assertThat(notJoined.text()).startsWith("ERR_NOT_JOINED");
        }
    }

    // ------------------------------------------------------------------------- grpchat

    @Test
    void aPostIsEchoedToItsAuthorWithServerTimeAndTheAuthenticatedAuthor() {
        try (XccosClient alice = Demo.login("alice")) {
            String lobby = alice.roomUri("Lobby");
            assertThat(alice.join(lobby).code()).isEqualTo(200);
            String text = Fixtures.unique("echo <&> ü");
            XccosClient.Sent sent = alice.post(lobby, text);
            assertThat(sent.sip().status()).isEqualTo(200);
            Xccos.GrpChat echo = alice.awaitGrpchat(lobby, text);
            assertThat(echo.author()).isEqualTo("sip:alice@example.com");
            assertThat(Duration.between(Instant.parse(echo.ts()), Instant.now()).abs())
                    .isLessThan(Duration.ofMinutes(5));

            // the author attribute is ignored
            String forged = Fixtures.unique("forged");
            String envid = alice.nextEnvid();
            assertThat(alice.info(XccosXml.grpchat(envid, "1", lobby, "sip:bob@example.com",
                    Instant.now().toString(), forged)).status()).isEqualTo(200);
            assertThat(alice.awaitGrpchat(lobby, forged).author()).isEqualTo("sip:alice@example.com");
        }
    }

    @Test
    void aPostInARoomNotJoinedGets409() {
        try (XccosClient bob = Demo.login("bob")) {
            assertRefused(bob, bob.post(bob.roomUri("Lobby"), "not joined"), 409, "ERR_NOT_JOINED");
        }
    }

    @Test
    void aPostInAnUnknownRoomGets404() {
        try (XccosClient bob = Demo.login("bob")) {
            assertRefused(bob, bob.post(CHAN_PREFIX + UUID.randomUUID(), "nowhere"), 404, "ERR_NOT_FOUND");
        }
    }

    @Test
    void onlyPresentersPostInAnAuditorium() {
        try (XccosClient bob = Demo.login("bob")) {
            String announcements = bob.roomUri("Announcements");
            assertThat(bob.join(announcements).code()).isEqualTo(200);
            assertRefused(bob, bob.post(announcements, "may I?"), 403, "ERR_NOT_ALLOWED");
        }
    }

    @Test
    void aMessageAboveTheSizeLimitGets413() {
        try (XccosClient alice = Demo.login("alice")) {
            int limit = Integer.parseInt(alice.getServerInfo().serverInfo().get("messageSizeLimit"));
            assertThat(limit).as("messageSizeLimit fits in a 64 KiB INFO").isLessThan(60_000);
            String lobby = alice.roomUri("Lobby");
            assertThat(alice.join(lobby).code()).isEqualTo(200);
            assertRefused(alice, alice.post(lobby, "x".repeat(limit + 1)), 413, "ERR_MESSAGE_TOO_LARGE");

            String atLimit = Fixtures.unique("limit");
            atLimit = atLimit + "y".repeat(limit - atLimit.length());
            assertThat(alice.post(lobby, atLimit).sip().status()).isEqualTo(200);
            alice.awaitGrpchat(lobby, atLimit);
        }
    }

    // ------------------------------------------------------------------------- others

    @Test
    void anUnknownCommandGets501() {
        try (XccosClient alice = Demo.login("alice")) {
            Xccos.Reply r = alice.command("frobnicate", "<x/>");
            assertThat(r.id()).isEqualTo("rpl:frobnicate");
            assertThat(r.code()).isEqualTo(501);
            assertThat(r.text()).startsWith("ERR_NOT_IMPLEMENTED");
        }
    }

    @Test
    void getinvListsTheInvitationOfARoomTheUserWasJustMadeAMemberOf() {
        Api admin = Api.admin();
        String category = Fixtures.unique("invcat");
        String room = Fixtures.unique("invroom");
        Api.Reply created = admin.post("categories", "{\"name\": \"" + category + "\","
                + " \"allowedMembers\": [\"group:staff\"], \"invitations\": true}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        created = admin.post("rooms", "{\"name\": \"" + room + "\", \"category\": \"" + category + "\","
                + " \"privacy\": \"Closed\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String roomUri = created.object().getString("uri");
        Api.Reply invited = admin.patch("rooms/" + Api.segment(room),
                "{\"members\": {\"add\": [\"sip:alice@example.com\"]}}");
        assertThat(invited.status()).as(invited.toString()).isEqualTo(200);

        try (XccosClient alice = Demo.login("alice")) {
            Xccos.Reply r = alice.getinv();
            assertThat(r.id()).isEqualTo("rpl:getinv");
            assertThat(r.code()).isEqualTo(200);
            List<Map<String, String>> ofTheRoom = r.invitations().stream()
                    .filter(inv -> roomUri.equals(inv.get("chanUri"))).toList();
            assertThat(ofTheRoom).as("invitations %s", r.invitations()).hasSize(1);
            assertThat(ofTheRoom.get(0)).containsEntry("name", room);
            assertThat(ofTheRoom.get(0).get("inviteId")).matches("[0-9]+");
        }
    }

    @Test
    void preferencesAreStoredPerUser() {
        String label = Fixtures.unique("kedzie.Test");
        String content = Base64.getEncoder().encodeToString("followed rooms".getBytes(StandardCharsets.UTF_8));
        try (XccosClient alice = Demo.login("alice"); XccosClient bob = Demo.login("bob")) {
            Xccos.Reply unset = alice.getpref(label);
            assertThat(unset.id()).isEqualTo("rpl:getpref");
            assertThat(unset.code()).isEqualTo(200);
            Xccos.Preference before = unset.preferences().get(0);
            assertThat(before.label()).isEqualTo(label);
            assertThat(before.content()).isNullOrEmpty();

            Xccos.Reply set = alice.setpref(label, before.seqid() == null ? "0" : before.seqid(), content);
            assertThat(set.id()).isEqualTo("rpl:setpref");
            assertThat(set.code()).as(set.toString()).isEqualTo(200);

            Xccos.Preference after = alice.getpref(label).preferences().get(0);
            assertThat(after.content()).isEqualTo(content);
            assertThat(Long.parseLong(after.seqid())).isGreaterThan(
                    before.seqid() == null || before.seqid().isEmpty() ? -1 : Long.parseLong(before.seqid()));
            assertThat(bob.getpref(label).preferences().get(0).content()).isNullOrEmpty();
        }
    }

    // ------------------------------------------------------------------------- helpers

    static void assertRefused(XccosClient client, XccosClient.Sent post, int code, String text) {
        assertThat(post.sip().status()).as("SIP response to the refused grpchat").isEqualTo(code);
        assertThat(post.sip().reason()).isNotBlank();
        Xccos.Reply r = client.awaitReplyTo(post.envid());
        assertThat(r.id()).isEqualTo("rpl:grpchat");
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.text()).startsWith(text);
    }

    static List<String> names(Xccos.Reply chansrch) {
        return chansrch.channels().stream().map(Xccos.Channel::name).toList();
    }

    static Xccos.Channel channel(Xccos.Reply chansrch, String name) {
        return chansrch.channels().stream().filter(c -> name.equals(c.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + chansrch));
    }

    static String idOf(List<Xccos.User> users, String uri) {
        return users.stream().filter(u -> uri.equals(u.uri())).map(Xccos.User::id).findFirst()
                .orElseThrow(() -> new AssertionError("no " + uri + " in " + users));
    }
}
