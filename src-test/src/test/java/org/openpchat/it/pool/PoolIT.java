package org.openpchat.it.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openpchat.it.Fixtures;
import org.openpchat.it.sipe.SipeClient;
import org.openpchat.it.sipe.SipeEvent;

/**
 * A pool of two nodes (run-pool.sh 2: two GlassFish domains on one PostgreSQL database, their
 * OpenMQ brokers in one conventional cluster, HAProxy in front) with real SIPE clients signing in
 * through the front over TLS: alice lands on one node, bob on the other. They see each other
 * join, get each other's posts once and in the room's order; then alice's node is killed with
 * SIGKILL, alice signs in again through the front and is back in the room within 30 s, and
 * nothing acknowledged before the kill is missing from the history or the compliance export.
 *
 * <p>The tests run in order on one pool (the last one kills a node). SIPE's traces are kept in
 * target/sipe-logs/PoolIT/, the pool's output in target/pool/run-pool.out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoolIT {

    private static final String PASSWORD = "Passw0rd!";
    private static final String ROOM = "Lobby";
    /** SIPE asks for this much history after every join (cmd:bccontext, bcq last cnt="25"). */
    private static final int SIPE_HISTORY = 25;
    private static final int POSTS_EACH = 5;
    private static final Duration BACK_WITHIN = Duration.ofSeconds(30);
    /** The pool's compliance export runs every minute; the export after the posts may take two. */
    private static final Duration EXPORTED_WITHIN = Duration.ofMinutes(4);

    private LocalPool pool;
    private Path logDir;
    private final List<SipeClient> clients = new ArrayList<>();
    private String roomUri;
    /** Everything posted, by test order: each must be exported exactly once. */
    private final List<String> posted = new ArrayList<>();

    private SipeClient alice;
    private SipeClient bob;
    private int aliceNode;
    private int bobNode;

    @BeforeAll
    void startPool() throws Exception {
        LocalPool.assumePoolExecution();
        SipeClient.requireDriver();
        logDir = Path.of(System.getProperty("sipe.logs", "target/sipe-logs")).resolve("PoolIT");
        LocalPool.deleteTree(logDir); // this run's logs only
        pool = LocalPool.start();
    }

    @AfterAll
    void stopPool() throws Exception {
        SipeClient.closeAll(clients);
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    @Order(1)
    void usersOnTwoNodesSeeEachOtherJoinAndGetEveryPostOnceInTheRoomsOrder() throws Exception {
        alice = signIn("alice");
        aliceNode = nodeOfNewSession(Map.of());
        Map<Integer, Integer> before = pool.tlsSessionsPerNode();
        bob = signIn("bob");
        bobNode = nodeOfNewSession(before);
        assertThat(bobNode).as("the front put bob on the other node than alice's (node%d)", aliceNode)
                .isNotEqualTo(aliceNode);

        roomUri = alice.rooms().stream().filter(r -> r.name().equals(ROOM)).findFirst()
                .orElseThrow(() -> new AssertionError("alice does not see the " + ROOM)).uri();
        bob.rooms();
        alice.join(roomUri, ROOM);
        bob.join(roomUri, ROOM);
        bob.expect(SipeEvent.CHAT_BUDDY_JOINED, ROOM, Pattern.quote(alice.uri()));
        alice.expect(SipeEvent.CHAT_BUDDY_JOINED, ROOM, Pattern.quote(bob.uri()));
        // SIPE asks for the room's history after the join; a post committed before that answer
        // would come both in it and live (docs/xccos-protocol.md, section 10): post once both
        // have their history, as people do
        awaitJoinHistory(alice);
        awaitJoinHistory(bob);

        // both post at once, each from a node of its own
        List<String> fromAlice = tokens("alice");
        List<String> fromBob = tokens("bob");
        CompletableFuture<Void> alicePosts = CompletableFuture.runAsync(() -> fromAlice.forEach(alice::say));
        CompletableFuture<Void> bobPosts = CompletableFuture.runAsync(() -> fromBob.forEach(bob::say));
        alicePosts.join();
        bobPosts.join();
        List<String> all = Stream.concat(fromAlice.stream(), fromBob.stream()).toList();
        posted.addAll(all);

        List<String> seenByAlice = awaitPosts(alice, all);
        List<String> seenByBob = awaitPosts(bob, all);
        for (SipeClient client : List.of(alice, bob)) {
            for (String token : all) {
                assertThat(client.count(SipeEvent.CHAT_MSG, ROOM, null, Pattern.quote(token)))
                        .as("%s gets %s exactly once", client.user(), token).isEqualTo(1);
            }
            assertThat(client.all(SipeEvent.CHAT_ERROR)).as(client.user() + "'s errors").isEmpty();
        }
        assertThat(seenByAlice).as("each author's posts in the order posted").containsSubsequence(fromAlice)
                .containsSubsequence(fromBob);
        assertThat(seenByBob).as("both nodes deliver in the room's order").containsExactlyElementsOf(seenByAlice);

        // the room's order is the history's: a third user (through the front) gets it on joining
        SipeClient carol = signIn("carol");
        carol.rooms();
        carol.join(roomUri, ROOM);
        assertThat(awaitPosts(carol, all)).as("carol's history of the room").containsExactlyElementsOf(seenByAlice);
        alice.expect(SipeEvent.CHAT_BUDDY_JOINED, ROOM, Pattern.quote(carol.uri()));
        bob.expect(SipeEvent.CHAT_BUDDY_JOINED, ROOM, Pattern.quote(carol.uri()));
        carol.send("part");
        carol.expect(SipeEvent.CMD_OK, "part");
        alice.expect(SipeEvent.CHAT_BUDDY_LEFT, ROOM, Pattern.quote(carol.uri()));
        bob.expect(SipeEvent.CHAT_BUDDY_LEFT, ROOM, Pattern.quote(carol.uri()));
        carol.close(); // signed out: alice and bob are the pool's only sessions
    }

    @Test
    @Order(2)
    void whenANodeDiesItsUsersAreBackThroughTheFrontWithNothingAcknowledgedLost() throws Exception {
        assertThat(alice).as("the first test put alice and bob on the pool").isNotNull();
        List<String> beforeKill = tokens("before the kill");
        for (String token : beforeKill) {
            alice.say(token);
        }
        posted.addAll(beforeKill);
        // acknowledged: the pool has delivered them (to bob, on the other node)
        awaitPosts(bob, beforeKill);
        awaitPosts(alice, beforeKill);

        long killedAt = System.nanoTime();
        pool.kill(aliceNode);
        alice.expect(BACK_WITHIN, SipeEvent.CONN_ERROR);
        bob.expect(BACK_WITHIN, SipeEvent.CHAT_BUDDY_LEFT, ROOM, Pattern.quote(alice.uri()));

        // SIPE (like any libpurple client without Pidgin's window) does not reconnect by itself:
        // alice signs in again, through the same front
        alice.close();
        SipeClient aliceAgain = signIn("alice");
        aliceAgain.rooms();
        aliceAgain.join(roomUri, ROOM);
        Duration back = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThat(back).as("alice back in the room after her node's kill").isLessThanOrEqualTo(BACK_WITHIN);
        assertThat(pool.tlsSessionsPerNode()).as("every session on the surviving node%d", bobNode)
                .containsEntry(aliceNode, 0).containsEntry(bobNode, 2);
        System.out.printf("PoolIT: alice back in %s %d ms after node%d was killed%n", ROOM, back.toMillis(), aliceNode);

        List<String> history = awaitPosts(aliceAgain, posted);
        assertThat(history).as("alice's history after the failover: every post once, in the order seen before")
                .containsExactlyElementsOf(awaitPosts(bob, posted));
        bob.expect(SipeEvent.CHAT_BUDDY_JOINED, ROOM, Pattern.quote(alice.uri()));

        List<String> after = tokens("after the failover");
        after.forEach(aliceAgain::say);
        posted.addAll(after);
        awaitPosts(bob, after);
    }

    @Test
    @Order(3)
    void theComplianceExportHoldsEveryPostExactlyOnce() throws Exception {
        assertThat(posted).as("the earlier tests posted").hasSize(4 * POSTS_EACH);
        long deadline = System.nanoTime() + EXPORTED_WITHIN.toNanos();
        Map<String, Integer> counts;
        while (true) {
            counts = exportedCounts(posted);
            if (counts.values().stream().allMatch(n -> n >= 1) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(5000);
        }
        for (String token : posted) {
            assertThat(counts.get(token)).as("%s in the pool's Lync XML export (%s)", token,
                    pool.complianceDirectory()).isEqualTo(1);
        }
    }

    // ---- helpers

    private SipeClient signIn(String user) {
        SipeClient client = SipeClient.start(new SipeClient.Config(user + "@" + SipeClient.DOMAIN, PASSWORD,
                pool.tlsFront(), "tls", pool.sipCa(), logDir, List.of(SipeClient.driver().toString()), Map.of()));
        clients.add(client);
        client.signOn();
        return client;
    }

    /** The node whose TLS sessions grew by one since {@code before}. */
    private int nodeOfNewSession(Map<Integer, Integer> before) throws Exception {
        Map<Integer, Integer> now = pool.tlsSessionsPerNode();
        List<Integer> grown = now.keySet().stream()
                .filter(node -> now.get(node) == before.getOrDefault(node, 0) + 1).toList();
        assertThat(grown).as("one node got the new session: before %s, now %s", before, now).hasSize(1);
        return grown.get(0);
    }

    private List<String> tokens(String what) {
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= POSTS_EACH; i++) {
            tokens.add(Fixtures.unique("pool " + what + " " + i));
        }
        return tokens;
    }

    /**
     * Waits until the client has shown each of the tokens in the room; returns the tokens in the
     * order the client showed them (only these tokens).
     */
    private static List<String> awaitPosts(SipeClient client, List<String> tokens) {
        long deadline = System.nanoTime() + SipeClient.TIMEOUT.toNanos();
        while (true) {
            List<String> seen = client.all(SipeEvent.CHAT_MSG, ROOM).stream().map(SipeEvent::text)
                    .filter(tokens::contains).toList();
            if (seen.containsAll(tokens)) {
                return seen;
            }
            if (System.nanoTime() > deadline) {
                throw client.failure("not every post arrived: saw " + seen + " of " + tokens);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Waits until the client shows the whole history it asked for after joining: as many CHAT_MSG
     * as the server's first rpl:bccontext (in SIPE's SIP trace) held messages.
     */
    private static void awaitJoinHistory(SipeClient client) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SipeClient.TIMEOUT.toNanos();
        while (true) {
            Optional<String> reply = Files.readAllLines(client.log(), StandardCharsets.ISO_8859_1).stream()
                    .filter(line -> line.contains("<rpl id=\"rpl:bccontext\"")).findFirst();
            if (reply.isPresent()) {
                int messages = occurrences(reply.get(), "<msg ");
                client.awaitEvents(SipeClient.TIMEOUT, messages, SipeEvent.CHAT_MSG, ROOM);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw client.failure("no answer to SIPE's history request after the join in " + client.log());
            }
            Thread.sleep(100);
        }
    }

    /** How often each token occurs in the export's files (every file the export wrote so far). */
    private Map<String, Integer> exportedCounts(List<String> tokens) throws IOException {
        StringBuilder exported = new StringBuilder();
        try (Stream<Path> files = Files.list(pool.complianceDirectory())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().toList()) {
                exported.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        String text = exported.toString();
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (String token : tokens) {
            counts.put(token, occurrences(text, token));
        }
        return counts;
    }

    private static int occurrences(String text, String token) {
        int count = 0;
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length())) {
            count++;
        }
        return count;
    }
}
