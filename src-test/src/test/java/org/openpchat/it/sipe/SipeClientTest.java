package org.openpchat.it.sipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness against a shell stand-in for sipe-driver (fake-sipe-driver.sh): no SIPE needed. */
class SipeClientTest {

    @TempDir
    Path logs;

    private SipeClient fake(String user) throws Exception {
        Path script = Path.of(SipeClientTest.class.getResource("fake-sipe-driver.sh").toURI());
        return SipeClient.start(new SipeClient.Config(user + "@example.com", "Passw0rd!", "127.0.0.1:5060", "tcp",
                null, logs, List.of("sh", script.toString()), Map.of()));
    }

    @Test
    void signsOnWithTheEnvironmentAndKeepsSipesOutputAsTheLog() throws Exception {
        try (SipeClient alice = fake("alice")) {
            assertThat(alice.signOn().field(0)).isEqualTo("alice@example.com");
            assertThat(alice.uri()).isEqualTo("sip:alice@example.com");
            alice.send("quit");
            alice.expect(SipeEvent.EXIT);
        }
        String log = Files.readString(logs.resolve("alice.log"));
        assertThat(log).contains("user=alice@example.com password=Passw0rd! server=127.0.0.1:5060 transport=tcp debug=1")
                .contains("ca=none")
                .doesNotContain("no home");
        assertThat(Files.readString(logs.resolve("alice.events.log"))).contains("<< quit").contains(">> EXIT");
    }

    @Test
    void asksForTheRoomListUntilGroupChatIsConnected() throws Exception {
        try (SipeClient alice = fake("alice")) {
            alice.signOn();
            List<SipeEvent.Room> rooms = alice.rooms();
            assertThat(rooms).extracting(SipeEvent.Room::name).containsExactly("Lobby", "Project X");
            assertThat(rooms.get(1).isPrivate()).isTrue();
            assertThat(alice.count(SipeEvent.CMD_ERROR)).isEqualTo(2);
            // a second list starts from the new answer, not from the old ROOM events
            assertThat(alice.rooms()).hasSize(2);
        }
    }

    @Test
    void expectationsNeedNotFollowTheOrderOfArrival() throws Exception {
        try (SipeClient alice = fake("alice")) {
            alice.signOn();
            assertThat(alice.join("ma-chan://example.com/1", "Lobby")).isEqualTo("Lobby");
            SipeEvent second = alice.expect(SipeEvent.CHAT_MSG, "Lobby", "sip:bob@example.com");
            SipeEvent first = alice.expect(SipeEvent.CHAT_MSG, "Lobby", null, "Welcome.*");
            assertThat(second.text()).isEqualTo("Hi Alice.");
            assertThat(first.who()).isEqualTo("sip:alice@example.com");
            // consumed events are not returned twice, but are still counted
            assertThatThrownBy(() -> alice.expect(Duration.ofMillis(300), SipeEvent.CHAT_MSG, "Lobby", null, "Hi.*"))
                    .isInstanceOf(AssertionError.class);
            assertThat(alice.all(SipeEvent.CHAT_MSG, "Lobby")).extracting(SipeEvent::text)
                    .containsExactly("Welcome to the Lobby, everyone!", "Hi Alice.");
        }
    }

    @Test
    void countsAndAbsence() throws Exception {
        try (SipeClient alice = fake("alice")) {
            alice.signOn();
            alice.say("token <&> 1");
            assertThat(alice.awaitEvents(Duration.ofSeconds(5), 1, SipeEvent.CHAT_MSG, "Lobby", null, "token <&> 1"))
                    .hasSize(1);
            alice.expectNone(Duration.ofMillis(300), SipeEvent.CHAT_MSG, null, null, "token <&> 2");
            assertThatThrownBy(() -> alice.expectNone(Duration.ofMillis(100), SipeEvent.CHAT_MSG, null, null, "token.*"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("expected no CHAT_MSG");
        }
    }

    @Test
    void aTimeoutNamesTheExpectationTheLatestEventsAndTheLog() throws Exception {
        try (SipeClient alice = fake("alice")) {
            alice.signOn();
            alice.send("nonsense");
            assertThatThrownBy(() -> alice.expect(Duration.ofMillis(500), SipeEvent.CHAT_JOINED, "Desk"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("timed out after 500 ms waiting for CHAT_JOINED Desk")
                    .hasMessageContaining("CMD_ERROR|unknown command nonsense")
                    .hasMessageContaining("alice.log")
                    .hasMessageContaining("sipe: command nonsense");
        }
    }

    @Test
    void overTlsTheClientTrustsTheGivenCaAndAQuestionFailsAtOnce() throws Exception {
        Path ca = Files.writeString(logs.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        Path script = Path.of(SipeClientTest.class.getResource("fake-sipe-driver.sh").toURI());
        try (SipeClient alice = SipeClient.start(new SipeClient.Config("alice@example.com", "Passw0rd!",
                "127.0.0.1:5061", "tls", ca, logs, List.of("sh", script.toString()), Map.of()))) {
            alice.signOn();
            alice.send("untrusted");
            long start = System.nanoTime();
            assertThatThrownBy(() -> alice.expect(Duration.ofSeconds(10), SipeEvent.CHAT_JOINED))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("libpurple asks the user")
                    .hasMessageContaining("not trusted");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(Files.readString(logs.resolve("alice.log")))
                .contains("server=127.0.0.1:5061 transport=tls").contains("ca=" + ca);
        assertThatThrownBy(() -> SipeClient.start(new SipeClient.Config("bob@example.com", "Passw0rd!",
                "127.0.0.1:5061", "tls", logs.resolve("missing.pem"), logs, List.of("sh", script.toString()),
                Map.of()))).isInstanceOf(AssertionError.class).hasMessageContaining("missing.pem");
    }

    @Test
    void aConnectionErrorOrTheEndOfTheDriverFailsAtOnce() throws Exception {
        try (SipeClient alice = fake("alice")) {
            alice.signOn();
            alice.send("fail");
            long start = System.nanoTime();
            assertThatThrownBy(() -> alice.expect(Duration.ofSeconds(10), SipeEvent.CHAT_JOINED))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("connection error")
                    .hasMessageContaining("Authentication failed");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(alice.expect(SipeEvent.CONN_ERROR).text()).isEqualTo("Authentication failed");
        }
        try (SipeClient bob = fake("bob")) {
            bob.signOn();
            bob.send("crash");
            assertThatThrownBy(() -> bob.expect(Duration.ofSeconds(10), SipeEvent.CHAT_JOINED))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("sipe-driver ended");
        }
    }

    @Test
    void aSecondClientOfTheSameUserGetsItsOwnLog() throws Exception {
        try (SipeClient one = fake("carol"); SipeClient two = fake("carol")) {
            one.signOn();
            two.signOn();
            assertThat(one.log().getFileName().toString()).isEqualTo("carol.log");
            assertThat(two.log().getFileName().toString()).isEqualTo("carol-2.log");
        }
    }

    @Test
    void aMissingDriverFailsWithItsBuildOutput() throws Exception {
        String saved = System.getProperty("sipe.driver");
        Path missing = logs.resolve("sipe-driver/sipe-driver");
        Files.createDirectories(missing.getParent());
        Files.writeString(missing.resolveSibling("build.log"), "Package purple was not found");
        System.setProperty("sipe.driver", missing.toString());
        try {
            assertThatThrownBy(SipeClient::requireDriver).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("sipe-driver was not built").hasMessageContaining("Package purple was not found");
        } finally {
            if (saved == null) {
                System.clearProperty("sipe.driver");
            } else {
                System.setProperty("sipe.driver", saved);
            }
        }
    }
}
