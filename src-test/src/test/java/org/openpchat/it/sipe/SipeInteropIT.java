package org.openpchat.it.sipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
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
 * Real SIPE clients (Debian's pidgin-sipe 1.25, through src/test/sipe-driver) against the
 * shipped EAR, over SIP/TLS on 127.0.0.1:5061 (trusting the test domain's demo CA the way
 * libpurple trusts any CA; one client of one scenario over plain TCP on 127.0.0.1:5060), with
 * Digest authentication, on the demo data the --demo test domains seed on start. What the clients must show comes from the test itself (the
 * posts it makes through the administration API, the demo data's rooms and rules, the server's
 * refusal texts), never from the server's services.
 * Each test signs its clients in and out; their SIP traces are kept in
 * target/sipe-logs/SipeInteropIT.&lt;test&gt;-&lt;database&gt;/&lt;user&gt;.log (and
 * &lt;user&gt;.events.log: the commands and events). Without a built sipe-driver every test fails.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SipeInteropIT {

    private static final String PASSWORD = "Passw0rd!";
    /** SIPE asks for this much history after every join (cmd:bccontext, bcq last cnt="25"). */
    private static final int SIPE_HISTORY = 25;
    private static final List<String> DEMO_ROOMS = List.of("Lobby", "Announcements", "Project X", "Desk");
    /** How long to watch for something that must not arrive. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Pattern CALL_ID = Pattern.compile("Call-ID: *(\\S+)", Pattern.CASE_INSENSITIVE);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    private final List<SipeClient> clients = new ArrayList<>();
    private Path logDir;
    private Map<String, String> roomUris;

    @BeforeEach
    void driverBuiltDemoDataSeeded(TestInfo test) throws Exception {
        SipeClient.requireDriver();
        logDir = Path.of(System.getProperty("sipe.logs", "target/sipe-logs")).resolve("SipeInteropIT."
                + test.getTestMethod().orElseThrow().getName() + "-" + System.getProperty("pchat.it.database", "h2"));
        deleteTree(logDir); // this run's logs only
        roomUris = new HashMap<>();
        for (String name : DEMO_ROOMS) {
            Api.Reply room = Api.admin().get("rooms/" + Api.segment(name));
            assertThat(room.status()).as("demo room " + name + ": " + room).isEqualTo(200);
            roomUris.put(name, room.object().getString("uri"));
        }
    }

    @AfterEach
    void signOut() {
        SipeClient.closeAll(clients);
    }

    @Test
    void usersSignInAndListTheRoomsTheyMaySee() throws Exception {
        SipeClient alice = start("alice");
        SipeClient bob = start("bob");
        SipeClient dave = start("dave");
        List<SipeEvent.Room> aliceRooms = connected(alice);
        List<SipeEvent.Room> bobRooms = connected(bob);
        List<SipeEvent.Room> daveRooms = connected(dave);
        assertThat(Files.readString(alice.log(), StandardCharsets.ISO_8859_1))
                .as("alice signed in over TLS").contains("Via: SIP/2.0/tls").doesNotContain("Via: SIP/2.0/tcp");

        // Other test classes add rooms to the shared server: of the demo rooms, exactly these.
        assertThat(demoRooms(aliceRooms)).as("alice's demo rooms (Project X: a member)")
                .containsExactlyInAnyOrder("Lobby", "Announcements", "Project X", "Desk");
        assertThat(demoRooms(bobRooms)).as("bob's demo rooms (Project X is secret)")
                .containsExactlyInAnyOrder("Lobby", "Announcements", "Desk");
        assertThat(demoRooms(daveRooms)).as("dave's demo rooms (Trading denies analysts)")
                .containsExactlyInAnyOrder("Lobby", "Announcements");
        for (List<SipeEvent.Room> list : List.of(aliceRooms, bobRooms, daveRooms)) {
            assertThat(names(list)).doesNotHaveDuplicates();
        }
        SipeEvent.Room lobby = room(aliceRooms, "Lobby");
        assertThat(lobby.uri()).isEqualTo(roomUris.get("Lobby"));
        assertThat(lobby.description()).isEqualTo("Say hello");
        assertThat(lobby.isPrivate()).as("Lobby is open: public").isFalse();
        assertThat(room(aliceRooms, "Project X").isPrivate()).as("Project X is secret: private").isTrue();
        assertThat(room(aliceRooms, "Desk").uri()).isEqualTo(roomUris.get("Desk"));
    }

    @Test
    void aliceAndBobJoinTheLobbyAndSeeItsHistory() throws Exception {
        List<String[]> expected = lobbyHistory();
        SipeClient alice = start("alice");
        SipeClient bob = start("bob");
        connected(alice);
        connected(bob);

        alice.join(roomUris.get("Lobby"), "Lobby");
        alice.expect(SipeEvent.CHAT_BUDDY_JOINED, "Lobby", alice.uri());
        assertHistory(alice, expected);

        bob.join(roomUris.get("Lobby"), "Lobby");
        bob.expect(SipeEvent.CHAT_BUDDY_JOINED, "Lobby", bob.uri());
        bob.expect(SipeEvent.CHAT_BUDDY_JOINED, "Lobby", alice.uri());
        assertHistory(bob, expected);
        alice.expect(SipeEvent.CHAT_BUDDY_JOINED, "Lobby", bob.uri());
    }

    /** Alice over plain TCP, bob over TLS: one room, both flows. */
    @Test
    void postsReachEveryMemberAndTheirAuthorOnce() throws Exception {
        List<String[]> history = lobbyHistory();
        SipeClient alice = startOverTcp("alice");
        SipeClient bob = start("bob");
        inLobby(alice, history);
        inLobby(bob, history);

        String fromAlice = Fixtures.unique("from alice <&> \"quoted\"");
        alice.say(fromAlice);
        bob.expect(SipeEvent.CHAT_MSG, "Lobby", alice.uri(), Pattern.quote(fromAlice));
        alice.expect(SipeEvent.CHAT_MSG, "Lobby", alice.uri(), Pattern.quote(fromAlice));

        String fromBob = Fixtures.unique("from bob");
        bob.say(fromBob);
        alice.expect(SipeEvent.CHAT_MSG, "Lobby", bob.uri(), Pattern.quote(fromBob));
        bob.expect(SipeEvent.CHAT_MSG, "Lobby", bob.uri(), Pattern.quote(fromBob));

        Thread.sleep(QUIET.toMillis());
        assertThat(Files.readString(alice.log(), StandardCharsets.ISO_8859_1)).as("alice over TCP")
                .contains("Via: SIP/2.0/tcp");
        assertThat(Files.readString(bob.log(), StandardCharsets.ISO_8859_1)).as("bob over TLS")
                .contains("Via: SIP/2.0/tls");
        for (SipeClient client : List.of(alice, bob)) {
            assertThat(client.count(SipeEvent.CHAT_MSG, "Lobby", null, Pattern.quote(fromAlice)))
                    .as(client.user() + " gets alice's post exactly once").isEqualTo(1);
            assertThat(client.count(SipeEvent.CHAT_MSG, "Lobby", null, Pattern.quote(fromBob)))
                    .as(client.user() + " gets bob's post exactly once").isEqualTo(1);
            assertThat(client.all(SipeEvent.CHAT_ERROR)).as(client.user() + "'s errors").isEmpty();
        }
    }

    @Test
    void othersSeeAThirdUserJoinAndLeave() throws Exception {
        List<String[]> history = lobbyHistory();
        SipeClient alice = start("alice");
        SipeClient bob = start("bob");
        SipeClient carol = start("carol");
        inLobby(alice, history);
        inLobby(bob, history);
        connected(carol);

        carol.join(roomUris.get("Lobby"), "Lobby");
        for (SipeClient other : List.of(alice, bob)) {
            other.expect(SipeEvent.CHAT_BUDDY_JOINED, "Lobby", carol.uri());
            carol.expect(SipeEvent.CHAT_BUDDY_JOINED, "Lobby", other.uri());
        }
        carol.expect(SipeEvent.CHAT_BUDDY_JOINED, "Lobby", carol.uri());

        carol.send("part");
        carol.expect(SipeEvent.CMD_OK, "part");
        for (SipeClient other : List.of(alice, bob)) {
            other.expect(SipeEvent.CHAT_BUDDY_LEFT, "Lobby", carol.uri());
        }
    }

    /**
     * SIPE as shipped seeds its random numbers with the time in seconds, so clients started in one
     * second send the same Call-ID, From tag and Via branch with every request, as after a restart
     * of the server when every client reconnects. All of them must sign in, join and chat.
     */
    @Test
    void clientsStartedInTheSameSecondSignInAndChatSideBySide() throws Exception {
        List<String[]> history = lobbyHistory();
        List<SipeClient> trio = startInOneSecond("alice", "bob", "carol");
        for (SipeClient client : trio) {
            client.rooms();
            joinLobby(client, history);
        }

        SipeClient author = trio.get(1);
        String post = Fixtures.unique("same second");
        author.say(post);
        for (SipeClient client : trio) {
            client.expect(SipeEvent.CHAT_MSG, "Lobby", author.uri(), Pattern.quote(post));
        }
        Thread.sleep(QUIET.toMillis());
        for (SipeClient client : trio) {
            assertThat(client.count(SipeEvent.CHAT_MSG, "Lobby", null, Pattern.quote(post)))
                    .as(client.user() + " gets the post exactly once").isEqualTo(1);
            assertThat(client.all(SipeEvent.CHAT_ERROR)).as(client.user() + "'s errors").isEmpty();
        }
    }

    @Test
    void inTheAuditoriumOnlyThePresenterPosts() throws Exception {
        SipeClient alice = start("alice");
        SipeClient bob = start("bob");
        connected(alice);
        connected(bob);
        alice.join(roomUris.get("Announcements"), "Announcements");
        bob.join(roomUris.get("Announcements"), "Announcements");
        alice.expect(SipeEvent.CHAT_BUDDY_JOINED, "Announcements", bob.uri());

        String news = Fixtures.unique("news from alice");
        alice.say(news);
        bob.expect(SipeEvent.CHAT_MSG, "Announcements", alice.uri(), Pattern.quote(news));
        alice.expect(SipeEvent.CHAT_MSG, "Announcements", alice.uri(), Pattern.quote(news));

        String refused = Fixtures.unique("bob may not post here");
        bob.say(refused);
        SipeEvent error = bob.expect(SipeEvent.CHAT_ERROR, "Announcements");
        // SIPE's own words for a post the server answered with a SIP error (its 403), then the post
        assertThat(error.text()).isEqualTo("This message was not delivered to chat room 'Announcements': " + refused);
        alice.expectNone(QUIET, SipeEvent.CHAT_MSG, null, null, ".*" + Pattern.quote(refused) + ".*");
        assertThat(bob.all(SipeEvent.CHAT_MSG, null, null, ".*" + Pattern.quote(refused) + ".*")).isEmpty();
        assertThat(alice.all(SipeEvent.CHAT_ERROR)).as("alice's errors").isEmpty();
    }

    @Test
    void aSecretRoomIsInvisibleAndClosedToNonMembers() {
        SipeClient alice = start("alice");
        SipeClient bob = start("bob");
        connected(alice);
        assertThat(names(connected(bob))).doesNotContain("Project X");
        alice.join(roomUris.get("Project X"), "Project X"); // a member may

        bob.send("join " + roomUris.get("Project X"));
        bob.expect(SipeEvent.CMD_OK, "join");
        SipeEvent error = bob.expect(SipeEvent.NOTIFY, null, "Error joining chat room");
        assertThat(error.field(2)).as("the server's reason: that of a room that does not exist (issue 11)")
                .isEqualTo("ERR_NOT_FOUND: no such room: " + roomUris.get("Project X"));
        bob.expectNone(QUIET, SipeEvent.CHAT_JOINED);
        alice.expectNone(Duration.ZERO, SipeEvent.CHAT_BUDDY_JOINED, "Project X", bob.uri());
    }

    @Test
    void theTradingWallKeepsDaveOutOfTheDesk() {
        SipeClient dave = start("dave");
        SipeClient erin = start("erin");
        connected(dave);
        connected(erin);
        erin.join(roomUris.get("Desk"), "Desk"); // staff outside the wall may

        dave.send("join " + roomUris.get("Desk"));
        dave.expect(SipeEvent.CMD_OK, "join");
        SipeEvent error = dave.expect(SipeEvent.NOTIFY, null, "Error joining chat room");
        assertThat(error.field(2)).as("the server's reason: the wall hides the room (issue 11)")
                .isEqualTo("ERR_NOT_FOUND: no such room: " + roomUris.get("Desk"));
        dave.expectNone(QUIET, SipeEvent.CHAT_JOINED);
        erin.expectNone(Duration.ZERO, SipeEvent.CHAT_BUDDY_JOINED, "Desk", dave.uri());
    }

    @Test
    void aWrongPasswordFailsTheLogin() throws Exception {
        SipeClient right = start("alice");
        right.signOn(); // so the failure below is the password's

        SipeClient wrong = start("alice", "not-" + PASSWORD);
        SipeEvent error = wrong.expect(SipeClient.SIGN_ON_TIMEOUT, SipeEvent.CONN_ERROR);
        assertThat(error.text()).isNotBlank();
        assertThat(wrong.all(SipeEvent.SIGNED_ON)).as("signed on with a wrong password").isEmpty();
        assertThat(Files.readString(wrong.log(), StandardCharsets.ISO_8859_1))
                .as("SIPE answered the Digest challenge before it was refused").contains("Proxy-Authorization: Digest");
    }

    // ---- steps ----

    private SipeClient start(String user) {
        return start(user, PASSWORD);
    }

    private SipeClient start(String user, String password) {
        SipeClient client = SipeClient.start(user, password, logDir);
        clients.add(client);
        return client;
    }

    private SipeClient startOverTcp(String user) {
        SipeClient.requireDriver();
        SipeClient client = SipeClient.start(SipeClient.Config.of(user, PASSWORD, logDir).overTcp());
        clients.add(client);
        return client;
    }

    /**
     * Starts one client per user just after a second begins and signs them on; proves from their
     * SIP traces that their first REGISTERs carried one Call-ID. Process start-up may straddle two
     * seconds on a busy machine: then the clients are closed and started again, three times at most.
     */
    private List<SipeClient> startInOneSecond(String... users) throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 20);
            List<SipeClient> started = Stream.of(users).map(this::start).toList();
            started.forEach(SipeClient::signOn);
            List<String> callIds = started.stream().map(SipeInteropIT::firstCallId).distinct().toList();
            if (callIds.size() == 1) {
                return started;
            }
            assertThat(attempt).as("clients started in one second, but their Call-IDs differ: " + callIds)
                    .isLessThan(3);
            SipeClient.closeAll(started);
            clients.removeAll(started);
        }
    }

    private static String firstCallId(SipeClient client) {
        try {
            Matcher callId = CALL_ID.matcher(Files.readString(client.log(), StandardCharsets.ISO_8859_1));
            assertThat(callId.find()).as("a Call-ID in " + client.log()).isTrue();
            return callId.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signed on and group chat connected: the room list. */
    private static List<SipeEvent.Room> connected(SipeClient client) {
        client.signOn();
        return client.rooms();
    }

    private void inLobby(SipeClient client, List<String[]> history) {
        connected(client);
        joinLobby(client, history);
    }

    /** Joined the Lobby (group chat connected already) and got its history. */
    private void joinLobby(SipeClient client, List<String[]> history) {
        client.join(roomUris.get("Lobby"), "Lobby");
        client.awaitEvents(SipeClient.TIMEOUT, history.size(), SipeEvent.CHAT_MSG, "Lobby");
    }

    /** The client's first CHAT_MSGs in the Lobby are the server's newest messages, oldest first. */
    private static void assertHistory(SipeClient client, List<String[]> expected) {
        List<SipeEvent> got = client.awaitEvents(SipeClient.TIMEOUT, expected.size(), SipeEvent.CHAT_MSG, "Lobby");
        List<String> gotLines = got.subList(0, expected.size()).stream().map(e -> e.who() + " " + e.text()).toList();
        List<String> expectedLines = expected.stream().map(m -> m[1] + " " + m[2]).toList();
        assertThat(gotLines).as(client.user() + "'s Lobby history").containsExactlyElementsOf(expectedLines);
    }

    /**
     * Posts as many messages into the Lobby as SIPE asks for after a join (as alice, through the
     * administration API), so that the history SIPE shows must be exactly these, oldest first.
     */
    private List<String[]> lobbyHistory() {
        Api alice = Api.demoUser("alice");
        List<String[]> posted = new ArrayList<>();
        for (int i = 1; i <= SIPE_HISTORY; i++) {
            String text = Fixtures.unique("history " + i);
            Api.Reply reply = alice.post("rooms/Lobby/messages", "{\"content\": \"" + text + "\"}");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            posted.add(new String[] {"history", "sip:alice@example.com", text});
        }
        return posted;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static List<String> names(List<SipeEvent.Room> rooms) {
        return rooms.stream().map(SipeEvent.Room::name).toList();
    }

    private static List<String> demoRooms(List<SipeEvent.Room> rooms) {
        return names(rooms).stream().filter(DEMO_ROOMS::contains).toList();
    }

    private static SipeEvent.Room room(List<SipeEvent.Room> rooms, String name) {
        return rooms.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no room " + name + " in " + rooms));
    }
}
