package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.chat.sip.facade.MessageView;
import org.openpchat.chat.sip.facade.PreferenceView;
import org.openpchat.chat.sip.xccos.XccosElement;
import org.openpchat.chat.sip.xccos.XccosException;
import org.openpchat.chat.sip.xccos.XccosParser;
import org.openpchat.chat.sip.xccos.XccosStatus;
import org.openpchat.chat.sip.xccos.XmlNode;

class CommandDispatcherTest {

    private static final String LOBBY = FakeChat.LOBBY;
    private static final String JOIN_LOBBY = "<cmd id=\"cmd:join\" seqid=\"3\"><data>"
            + "<chanid key=\"0\" domain=\"example.com\" value=\"lobby\"/></data></cmd>";

    private final FakeChat chat = new FakeChat();
    private final ChatSessions sessions = new ChatSessions();
    private final CommandDispatcher dispatcher = new CommandDispatcher();
    private final XccosParser parser = new XccosParser();

    private final ChatSessions.ChatSession alice = sessions.open("s-alice", "alice@example.com");
    private final ChatSessions.ChatSession bob = sessions.open("s-bob", "bob@example.com");

    private record Result(List<Outgoing> outbox, XccosException postRefusal) {
        List<XccosElement> to(String sessionId, XccosParser parser) {
            return outbox.stream().filter(o -> o.sessionId().equals(sessionId))
                    .flatMap(o -> parser.parse(o.xccos()).elements().stream()).toList();
        }
    }

    private Result send(ChatSessions.ChatSession session, String elements) {
        CommandContext context = new CommandContext(session, "99", chat, sessions);
        XccosException refusal = dispatcher.dispatch(context,
                parser.parse("<xccos ver=\"1\" envid=\"99\" xmlns=\"urn:parlano:xml:ns:xccos\">" + elements + "</xccos>"));
        return new Result(context.outbox(), refusal);
    }

    private static String code(XccosElement reply) {
        return reply.node().child("resp").attribute("code");
    }

    @Test
    void requriNamesThePool() {
        XccosElement reply = send(alice, "<cmd id=\"cmd:requri\" seqid=\"1\"><data/></cmd>").to("s-alice", parser).get(0);

        assertThat(reply.id()).isEqualTo("rpl:requri");
        assertThat(reply.data().child("uib").attribute("uri")).isEqualTo("sip:pchat@example.com");
    }

    @Test
    void joinListsEveryoneAndTellsTheOthersOnce() {
        chat.managers.add("alice@example.com");
        send(alice, JOIN_LOBBY);

        Result bobJoins = send(bob, JOIN_LOBBY);

        XccosElement reply = bobJoins.to("s-bob", parser).get(0);
        assertThat(reply.id()).isEqualTo("rpl:join");
        assertThat(reply.node().child("commandid").attribute("envid")).isEqualTo("99");
        assertThat(reply.data().children("uib")).extracting(uib -> uib.attribute("uri"))
                .containsExactly("sip:alice@example.com", "sip:bob@example.com");
        XmlNode room = reply.data().child("chanib");
        assertThat(room.attribute("uri")).isEqualTo(LOBBY);
        assertThat(room.children("aib")).extracting(aib -> aib.attribute("key") + "=" + aib.attribute("value"))
                .containsExactly("3984=0,1", "12276=0");
        List<XccosElement> toAlice = bobJoins.to("s-alice", parser);
        assertThat(toAlice).extracting(XccosElement::id).containsExactly("ntc:join");
        assertThat(toAlice.get(0).data().child("uib").attribute("uri")).isEqualTo("sip:bob@example.com");

        assertThat(send(bob, JOIN_LOBBY).to("s-alice", parser)).isEmpty();
    }

    @Test
    void rosterNoticesStopAboveParticipantUpdateLimit() {
        chat.participantUpdateLimit = 1;
        send(alice, JOIN_LOBBY);

        assertThat(send(bob, JOIN_LOBBY).to("s-alice", parser)).isEmpty();
    }

    @Test
    void joinAndPartNoticesCountPeopleNotDialogs() {
        chat.participantUpdateLimit = 2;
        ChatSessions.ChatSession aliceElsewhere = sessions.open("s-alice-2", "alice@example.com");
        send(alice, JOIN_LOBBY);
        send(aliceElsewhere, JOIN_LOBBY);

        assertThat(send(bob, JOIN_LOBBY).to("s-alice", parser)).extracting(XccosElement::id).containsExactly("ntc:join");
        assertThat(send(bob, "<cmd id=\"cmd:part\" seqid=\"1\"><data><chanib uri=\"" + LOBBY + "\"/></data></cmd>")
                .to("s-alice", parser)).extracting(XccosElement::id).containsExactly("ntc:part");
    }

    @Test
    void postIsStoredAsTheSignedInUserAndLeftToTheFanOut() {
        send(alice, JOIN_LOBBY);
        send(bob, JOIN_LOBBY);

        Result posted = send(alice, "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + LOBBY
                + "\" author=\"sip:mallory@example.com\"><chat>hi &amp; bye</chat></grpchat>");

        assertThat(posted.postRefusal()).isNull();
        assertThat(chat.messages).singleElement().satisfies(message -> {
            assertThat(message.author()).isEqualTo("alice@example.com");
            assertThat(message.text()).isEqualTo("hi & bye");
            assertThat(message.roomUri()).isEqualTo(LOBBY);
        });
        assertThat(posted.outbox()).as("delivery waits for the commit (RoomFanout)").isEmpty();
    }

    @Test
    void postsOutsideTheRoomOrTooLargeAreRefusedWithCodes() {
        Result notJoined = send(alice, "<grpchat id=\"grpchat\" seqid=\"4\" chanUri=\"" + LOBBY + "\"><chat>x</chat></grpchat>");
        assertThat(notJoined.postRefusal().status()).isEqualTo(XccosStatus.NOT_JOINED);
        XccosElement reply = notJoined.to("s-alice", parser).get(0);
        assertThat(reply.id()).isEqualTo("rpl:grpchat");
        assertThat(code(reply)).isEqualTo("409");

        send(alice, JOIN_LOBBY);
        Result tooLarge = send(alice, "<grpchat id=\"grpchat\" seqid=\"5\" chanUri=\"" + LOBBY + "\"><chat>"
                + "x".repeat(8001) + "</chat></grpchat>");
        assertThat(tooLarge.postRefusal().status()).isEqualTo(XccosStatus.MESSAGE_TOO_LARGE);
        assertThat(chat.messages).isEmpty();
    }

    @Test
    void domainRefusalsBecomeXccosCodes() {
        chat.refusals.put("ma-chan://example.com/gone", DomainException.notFound("no such room"));
        chat.refusals.put("ma-chan://example.com/desk", DomainException.forbidden("dave may not join"));
        chat.refusals.put("ma-chan://example.com/old", DomainException.disabled("room 'old' is disabled"));

        assertThat(code(joinReply("gone"))).isEqualTo("404");
        XccosElement forbidden = joinReply("desk");
        assertThat(code(forbidden)).isEqualTo("403");
        assertThat(forbidden.node().child("resp").text()).isEqualTo("ERR_NOT_ALLOWED: dave may not join");
        assertThat(code(joinReply("old"))).isEqualTo("410");
        assertThat(alice.rooms()).isEmpty();
    }

    private XccosElement joinReply(String roomId) {
        return send(alice, "<cmd id=\"cmd:join\" seqid=\"1\"><data><chanid key=\"0\" domain=\"example.com\" value=\""
                + roomId + "\"/></data></cmd>").to("s-alice", parser).get(0);
    }

    @Test
    void batchJoinReportsFailedRoomsAsFib() {
        chat.refusals.put("ma-chan://example.com/desk", DomainException.forbidden("no"));

        XccosElement reply = send(alice, "<cmd id=\"cmd:bjoin\" seqid=\"1\"><data>"
                + "<chanid key=\"0\" domain=\"example.com\" value=\"lobby\"/>"
                + "<chanid key=\"1\" domain=\"example.com\" value=\"desk\"/></data></cmd>").to("s-alice", parser).get(0);

        assertThat(code(reply)).isEqualTo("200");
        assertThat(reply.data().children("chanib")).extracting(c -> c.attribute("uri")).containsExactly(LOBBY);
        assertThat(reply.data().child("fib").attribute("value")).isEqualTo("desk");
        assertThat(reply.data().child("fib").attribute("key")).isEqualTo("OPERATION_FAILED");
    }

    @Test
    void batchJoinNamesEachUserOnceAndEachRoomListsItsOwnPeople() {
        send(sessions.open("s-carol", "carol@example.com"), JOIN_LOBBY);
        send(bob, "<cmd id=\"cmd:join\" seqid=\"1\"><data><chanid key=\"0\" domain=\"example.com\" value=\"desk\"/></data></cmd>");

        XccosElement reply = send(alice, "<cmd id=\"cmd:bjoin\" seqid=\"2\"><data>"
                + "<chanid key=\"0\" domain=\"example.com\" value=\"lobby\"/>"
                + "<chanid key=\"1\" domain=\"example.com\" value=\"desk\"/></data></cmd>").to("s-alice", parser).get(0);

        java.util.Map<String, String> uriById = new java.util.HashMap<>();
        reply.data().children("uib").forEach(uib -> uriById.put(uib.attribute("id"), uib.attribute("uri")));
        assertThat(uriById).hasSize(3).containsValues("sip:alice@example.com", "sip:bob@example.com", "sip:carol@example.com");
        List<XmlNode> rooms = reply.data().children("chanib");
        assertThat(rooms).extracting(room -> List.of(room.child("aib").attribute("value").split(",")).stream()
                .map(uriById::get).sorted().toList()).containsExactly(
                        List.of("sip:alice@example.com", "sip:carol@example.com"),
                        List.of("sip:alice@example.com", "sip:bob@example.com"));
    }

    @Test
    void batchJoinReportsAnUnexpectedFailureForItsRoomOnly() {
        chat.refusals.put("ma-chan://example.com/desk", new IllegalStateException("database gone"));

        XccosElement reply = send(alice, "<cmd id=\"cmd:bjoin\" seqid=\"1\"><data>"
                + "<chanid key=\"0\" domain=\"example.com\" value=\"desk\"/>"
                + "<chanid key=\"1\" domain=\"example.com\" value=\"lobby\"/></data></cmd>").to("s-alice", parser).get(0);

        assertThat(code(reply)).isEqualTo("200");
        assertThat(reply.data().children("chanib")).extracting(c -> c.attribute("uri")).containsExactly(LOBBY);
        assertThat(reply.data().child("fib").attribute("value")).isEqualTo("desk");
    }

    @Test
    void aBatchJoinOrPreferenceRequestNamingTooManyItemsIsRefusedWhole() {
        StringBuilder rooms = new StringBuilder();
        for (int i = 0; i <= CommandBounds.ROOMS_PER_BATCH_JOIN; i++) {
            rooms.append("<chanid key=\"").append(i).append("\" domain=\"example.com\" value=\"lobby\"/>");
        }
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i <= CommandBounds.PREFERENCES_PER_COMMAND; i++) {
            labels.append("<pref label=\"l").append(i).append("\" content=\"x\"/>");
        }

        XccosElement join = send(alice, "<cmd id=\"cmd:bjoin\" seqid=\"1\"><data>" + rooms + "</data></cmd>")
                .to("s-alice", parser).get(0);
        XccosElement write = send(alice, "<cmd id=\"cmd:setpref\" seqid=\"2\"><data>" + labels + "</data></cmd>")
                .to("s-alice", parser).get(0);
        XccosElement read = send(alice, "<cmd id=\"cmd:getpref\" seqid=\"3\"><data>" + labels + "</data></cmd>")
                .to("s-alice", parser).get(0);

        assertThat(List.of(code(join), code(write), code(read))).containsOnly("413");
        assertThat(join.node().child("resp").text()).contains("at most 250 rooms");
        assertThat(chat.calls).as("nothing was done").isEmpty();
        assertThat(alice.rooms()).isEmpty();
    }

    @Test
    void partAnswersWithTheRoomAndTellsTheOthers() {
        send(alice, JOIN_LOBBY);
        send(bob, JOIN_LOBBY);

        Result parted = send(bob, "<cmd id=\"cmd:part\" seqid=\"1\"><data><chanib uri=\"" + LOBBY + "\"/></data></cmd>");

        assertThat(parted.to("s-bob", parser).get(0).data().child("chanib").attribute("uri")).isEqualTo(LOBBY);
        XccosElement notice = parted.to("s-alice", parser).get(0);
        assertThat(notice.id()).isEqualTo("ntc:part");
        assertThat(notice.data().child("chanib").child("uib").attribute("uri")).isEqualTo("sip:bob@example.com");
        assertThat(chat.occupants.get(LOBBY)).containsExactly("alice@example.com");
        assertThat(code(send(bob, "<cmd id=\"cmd:part\" seqid=\"1\"><data><chanib uri=\"" + LOBBY + "\"/></data></cmd>")
                .to("s-bob", parser).get(0))).isEqualTo("409");
    }

    /** How many messages a request gets is chat-ejb's rule (ChatConfiguration.backchatSize); here: what is asked and written. */
    @Test
    void historyAsksForTheCountGivenAndWritesTheMessagesAsReturned() {
        send(alice, JOIN_LOBBY);
        chat.history = List.of(
                new MessageView(LOBBY, "bob@example.com", Instant.parse("2026-11-27T10:00:01.234567Z"), 12, "older"),
                new MessageView(LOBBY, "alice@example.com", Instant.parse("2026-11-27T10:05:00Z"), 15, "newer & <b>"));

        XccosElement reply = send(alice, "<cmd id=\"cmd:bccontext\" seqid=\"1\"><data><chanib uri=\"" + LOBBY
                + "\"/><bcq><last cnt=\"25\"/></bcq></data></cmd>").to("s-alice", parser).get(0);

        assertThat(chat.calls).containsExactly("history alice@example.com " + LOBBY + " 25");
        assertThat(reply.id()).isEqualTo("rpl:bccontext");
        assertThat(reply.data().child("chanib").children("msg"))
                .extracting(m -> m.attribute("msgid") + " " + m.attribute("author") + " " + m.attribute("ts") + " "
                        + m.attribute("chanUri") + " " + m.child("chat").text())
                .containsExactly("12 sip:bob@example.com 2026-11-27T10:00:01.234Z " + LOBBY + " older",
                        "15 sip:alice@example.com 2026-11-27T10:05:00.000Z " + LOBBY + " newer & <b>");
    }

    @Test
    void historyWithoutACountAsksForTheDefaultAndOtherSelectorsOrBadCountsAreRefused() {
        send(alice, JOIN_LOBBY);
        send(alice, "<cmd id=\"cmd:bccontext\" seqid=\"1\"><data><chanib uri=\"" + LOBBY + "\"/></data></cmd>");
        send(alice, "<cmd id=\"cmd:bccontext\" seqid=\"1\"><data><chanib uri=\"" + LOBBY
                + "\"/><bcq><last/></bcq></data></cmd>");
        assertThat(chat.calls).containsExactly("history alice@example.com " + LOBBY + " 0",
                "history alice@example.com " + LOBBY + " 0");
        chat.calls.clear();

        for (String query : List.of("<first cnt=\"2\"/>", "<last cnt=\"-1\"/>", "<last cnt=\"many\"/>")) {
            XccosElement refused = send(alice, "<cmd id=\"cmd:bccontext\" seqid=\"1\"><data><chanib uri=\"" + LOBBY
                    + "\"/><bcq>" + query + "</bcq></data></cmd>").to("s-alice", parser).get(0);
            assertThat(code(refused)).as(query).isEqualTo("400");
        }
        assertThat(chat.calls).isEmpty();
    }

    @Test
    void unknownCommandsAndMissingElementsGetCodesNotSilence() {
        assertThat(code(send(alice, "<cmd id=\"cmd:nodespermcreatechild\" seqid=\"1\"><data/></cmd>")
                .to("s-alice", parser).get(0))).isEqualTo("501");
        XccosElement noId = send(alice, "<cmd seqid=\"1\"><data/></cmd>").to("s-alice", parser).get(0);
        assertThat(code(noId)).isEqualTo("400");
        assertThat(noId.id()).isEqualTo("rpl:");
        assertThat(code(send(alice, "<cmd id=\"cmd:join\" seqid=\"1\"><data/></cmd>").to("s-alice", parser).get(0)))
                .isEqualTo("400");
        assertThat(code(send(alice, "<cmd id=\"cmd:part\" seqid=\"1\"><data><chanib uri=\"http://x/y\"/></data></cmd>")
                .to("s-alice", parser).get(0))).isEqualTo("400");
    }

    @Test
    void roomListAndInvitations() {
        XccosElement rooms = send(alice, "<cmd id=\"cmd:chansrch\" seqid=\"1\"><data><qib qtype=\"BYNAME\" criteria=\"\"/>"
                + "</data></cmd>").to("s-alice", parser).get(0);
        XmlNode lobby = rooms.data().child("chanib");
        assertThat(lobby.attribute("name")).isEqualTo("Lobby");
        assertThat(lobby.children("info")).extracting(XmlNode::text).containsExactly("0", "public");

        XccosElement invitations = send(alice, "<cmd id=\"cmd:getinv\" seqid=\"1\"><data><inv inviteId=\"1\" "
                + "domain=\"example.com\"/></data></cmd>").to("s-alice", parser).get(0);
        assertThat(invitations.data().child("inv").attribute("chanUri")).isEqualTo(LOBBY);
    }

    /** Storing values and raising their sequence is chat-ejb's (UserPreference); here: what is asked and answered. */
    @Test
    void getprefAsksForTheSignedInUsersLabelsAndAnswersWhatIsStored() {
        chat.preferences.put("alice@example.com|kedzie.GroupChannels", new PreferenceView("kedzie.GroupChannels", 5, "YWJj"));

        XccosElement read = send(alice, "<cmd id=\"cmd:getpref\" seqid=\"1\"><data>"
                + "<pref label=\"kedzie.GroupChannels\" seqid=\"71\" createdefault=\"false\"/>"
                + "<pref label=\"other\" createdefault=\"true\"/></data></cmd>").to("s-alice", parser).get(0);
        XccosElement bobs = send(bob, "<cmd id=\"cmd:getpref\" seqid=\"1\"><data><pref label=\"kedzie.GroupChannels\"/>"
                + "</data></cmd>").to("s-bob", parser).get(0);

        assertThat(chat.calls).containsExactly("preference alice@example.com kedzie.GroupChannels false",
                "preference alice@example.com other true", "preference bob@example.com kedzie.GroupChannels false");
        assertThat(read.id()).isEqualTo("rpl:getpref");
        assertThat(read.data().children("pref"))
                .extracting(p -> p.attribute("label") + " " + p.attribute("seqid") + " " + p.attribute("content"))
                .containsExactly("kedzie.GroupChannels 5 YWJj", "other 0 null");
        assertThat(bobs.data().child("pref").attribute("seqid")).isEqualTo("0");
        assertThat(bobs.data().child("pref").attribute("content")).isNull();
    }

    @Test
    void setprefWritesTheContentAsTheSignedInUserAndAnswersTheNewSequence() {
        chat.sequenceAfterWrite = 8;

        XccosElement written = send(alice, "<cmd id=\"cmd:setpref\" seqid=\"1\"><data>"
                + "<pref label=\"kedzie.GroupChannels\" seqid=\"71\" createdefault=\"false\" content=\"YWJj\"/>"
                + "<pref label=\"other\">ZGVm</pref></data></cmd>").to("s-alice", parser).get(0);

        assertThat(chat.calls).containsExactly("setPreference alice@example.com kedzie.GroupChannels YWJj",
                "setPreference alice@example.com other ZGVm");
        assertThat(written.id()).isEqualTo("rpl:setpref");
        assertThat(written.data().children("pref")).extracting(p -> p.attribute("label") + " " + p.attribute("seqid"))
                .containsExactly("kedzie.GroupChannels 8", "other 8");
        assertThat(code(send(bob, "<cmd id=\"cmd:setpref\" seqid=\"1\"><data/></cmd>").to("s-bob", parser).get(0)))
                .isEqualTo("400");
        assertThat(chat.calls).hasSize(2);
    }

    @Test
    void postsAndHistoryNeedTheRoomJoinedAndExisting() {
        chat.unknownRooms.add("ma-chan://example.com/gone");

        Result unknown = send(alice, "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"ma-chan://example.com/gone\">"
                + "<chat>x</chat></grpchat>");
        assertThat(unknown.postRefusal().status()).isEqualTo(XccosStatus.NOT_FOUND);
        assertThat(code(send(alice, "<cmd id=\"cmd:bccontext\" seqid=\"1\"><data><chanib uri=\"" + LOBBY
                + "\"/></data></cmd>").to("s-alice", parser).get(0))).isEqualTo("409");
    }

    @Test
    void anEnvelopeAboveTheLimitIsRefusedWholeBeforeAnythingRuns() {
        send(alice, JOIN_LOBBY);
        String post = "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + LOBBY + "\"><chat>x</chat></grpchat>";

        Result refused = send(alice, post.repeat(EnvelopeLimit.DEFAULT + 1));

        assertThat(refused.postRefusal().status()).as("the INFO's answer").isEqualTo(XccosStatus.MESSAGE_TOO_LARGE);
        assertThat(chat.messages).as("nothing ran").isEmpty();
        assertThat(refused.outbox()).as("one reply for the envelope").hasSize(1);
        XccosElement reply = refused.to("s-alice", parser).get(0);
        assertThat(reply.id()).isEqualTo("rpl:grpchat");
        assertThat(reply.node().child("resp").text()).isEqualTo("ERR_MESSAGE_TOO_LARGE: the envelope carries 17 "
                + "commands and posts; the limit is 16; none was carried out");
    }

    @Test
    void theLimitCountsCommandsAndPostsOnly() {
        String requri = "<cmd id=\"cmd:requri\" seqid=\"1\"><data/></cmd>";

        Result atTheLimit = send(alice, requri.repeat(EnvelopeLimit.DEFAULT) + "<rpl id=\"rpl:x\"/><ntc id=\"ntc:x\"/>");

        assertThat(atTheLimit.postRefusal()).isNull();
        assertThat(atTheLimit.to("s-alice", parser)).hasSize(EnvelopeLimit.DEFAULT)
                .allSatisfy(reply -> assertThat(code(reply)).isEqualTo("200"));
        assertThat(new CommandDispatcher(2).dispatch(new CommandContext(alice, "1", chat, sessions),
                parser.parse("<xccos>" + requri.repeat(3) + "</xccos>")).status()).isEqualTo(XccosStatus.MESSAGE_TOO_LARGE);
    }

    @Test
    void theLargestEnvelopeTheParserTakesIsRefusedWithOneReply() {
        String unknown = "<cmd id=\"x\"/>"; // 4,095 of them fit in 64 KiB

        Result refused = send(alice, unknown.repeat(4095));

        assertThat(refused.postRefusal().status()).isEqualTo(XccosStatus.MESSAGE_TOO_LARGE);
        assertThat(refused.outbox()).hasSize(1);
    }

    @Test
    void oneBadCommandLosesNoOtherAnswerAndNoPost() {
        send(alice, JOIN_LOBBY);
        chat.refusals.put("ma-chan://example.com/broken", new IllegalStateException("a bug"));
        String post = "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + LOBBY + "\"><chat>%s</chat></grpchat>";

        Result mixed = send(alice, post.formatted("before") + "<cmd seqid=\"2\"><data/></cmd>"
                + "<cmd id=\"cmd:join\" seqid=\"3\"><data><chanid key=\"0\" domain=\"example.com\" value=\"broken\"/>"
                + "</data></cmd>" + "<cmd id=\"cmd:requri\" seqid=\"4\"><data/></cmd>" + post.formatted("after"));

        assertThat(mixed.postRefusal()).as("both posts went through").isNull();
        assertThat(chat.messages).extracting(MessageView::text).containsExactly("before", "after");
        assertThat(mixed.to("s-alice", parser)).extracting(reply -> reply.id() + " " + reply.seqid() + " " + code(reply))
                .containsExactly("rpl: 2 400", "rpl:join 3 500", "rpl:requri 4 200");
    }

    @Test
    void aRoomConcealedFromTheUserIsAnsweredAsAMissingOne() {
        String secret = "ma-chan://example.com/secret";
        String missing = "ma-chan://example.com/gone";
        chat.concealed.add("alice@example.com " + secret);
        chat.unknownRooms.add(missing);

        XccosElement concealedReply = send(alice, "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + secret
                + "\"><chat>x</chat></grpchat>").to("s-alice", parser).get(0);
        XccosElement missingReply = send(alice, "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + missing
                + "\"><chat>x</chat></grpchat>").to("s-alice", parser).get(0);

        assertThat(code(concealedReply)).isEqualTo("404");
        assertThat(concealedReply.node().child("resp").text()).isEqualTo("ERR_NOT_FOUND: no such room: " + secret)
                .isEqualTo(missingReply.node().child("resp").text().replace(missing, secret));
        assertThat(code(send(bob, "<cmd id=\"cmd:bccontext\" seqid=\"1\"><data><chanib uri=\"" + secret
                + "\"/></data></cmd>").to("s-bob", parser).get(0))).as("bob may know it: not joined").isEqualTo("409");
    }
}
