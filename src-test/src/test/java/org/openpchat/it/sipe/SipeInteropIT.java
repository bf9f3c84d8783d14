package org.openpchat.it.sipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;

/**
 * Real SIPE clients (Debian's pidgin-sipe 1.25, through src/test/sipe-driver) against the
 * shipped EAR, over SIP/TCP on 127.0.0.1:5060 with Digest authentication, on the demo data.
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
    private static final String WELCOME = "Welcome to the Lobby, everyone!";
    /** How long to watch for something that must not arrive. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.withTests(SipeFixtureServlet.class);
    }

    @ArquillianResource
    private URL anyModule;

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
        for (String[] line : fixture(null)) {
            if (line[0].equals("room")) {
                roomUris.put(line[1], line[2]);
            }
        }
        assertThat(roomUris).containsKeys("Lobby", "Announcements", "Project X", "Desk");
    }

    @AfterEach
    void signOut() {
        SipeClient.closeAll(clients);
    }

    @Test
    void usersSignInAndListTheRoomsTheyMaySee() {
        SipeClient alice = start("alice");
        SipeClient bob = start("bob");
        List<SipeEvent.Room> aliceRooms = connected(alice);
        List<SipeEvent.Room> bobRooms = connected(bob);

        assertThat(names(aliceRooms)).as("alice's room list").contains("Lobby", "Announcements", "Project X", "Desk");
        assertThat(names(bobRooms)).as("bob's room list").contains("Lobby", "Announcements", "Desk")
                .doesNotContain("Project X");
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

    @Test
    void postsReachEveryMemberAndTheirAuthorOnce() throws Exception {
        List<String[]> history = lobbyHistory();
        SipeClient alice = start("alice");
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
        assertThat(error.text()).contains("not delivered").contains(refused);
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
        assertThat(error.field(2)).as("the server's reason").isNotBlank();
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
        assertThat(error.field(2)).as("the server's reason").isNotBlank();
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

    /** Signed on and group chat connected: the room list. */
    private static List<SipeEvent.Room> connected(SipeClient client) {
        client.signOn();
        return client.rooms();
    }

    private void inLobby(SipeClient client, List<String[]> history) {
        connected(client);
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

    /** The Lobby's newest messages as SIPE asks for them; on a fresh database, the seeded ones. */
    private List<String[]> lobbyHistory() throws Exception {
        List<String[]> history = fixture("history=Lobby&as=alice&last=" + SIPE_HISTORY).stream()
                .filter(line -> line[0].equals("history")).toList();
        assertThat(history).as("Lobby history on the server").isNotEmpty();
        if (history.size() < SIPE_HISTORY) {
            assertThat(history.get(0)[2]).as("the Lobby's first (seeded) post").isEqualTo(WELCOME);
        }
        return history;
    }

    private List<String[]> fixture(String query) throws Exception {
        URI uri = new URI(anyModule.getProtocol(), null, anyModule.getHost(), anyModule.getPort(),
                "/pchat-it/sipe-fixture", query, null);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + uri + ": " + response.body()).isEqualTo(200);
        return response.body().lines().map(line -> line.split("\t", 3)).toList();
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

    private static SipeEvent.Room room(List<SipeEvent.Room> rooms, String name) {
        return rooms.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no room " + name + " in " + rooms));
    }
}
