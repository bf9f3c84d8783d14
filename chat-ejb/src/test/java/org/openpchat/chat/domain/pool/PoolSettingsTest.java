package org.openpchat.chat.domain.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpchat.chat.domain.shared.DomainException;

class PoolSettingsTest {

    private final PoolSettings settings = PoolSettings.initial();

    @Test
    void aNewPoolIsNormalAndEveryNodeServes() {
        assertThat(settings.state()).isEqualTo(PoolState.NORMAL);
        assertThat(settings.activeServers()).isEmpty();
        assertThat(settings.serves("node1")).isTrue();
        assertThat(settings.serves("anything")).isTrue();
    }

    @Test
    void withActiveServersOnlyTheyServeAndTheOthersAreIdle() {
        settings.replaceActiveServers(List.of("node2", "Node1"));

        assertThat(settings.activeServers()).as("alphabetical, as written").containsExactly("Node1", "node2");
        assertThat(settings.serves("node1")).as("names compare without case").isTrue();
        assertThat(settings.serves("NODE2")).isTrue();
        assertThat(settings.serves("node3")).isFalse();
        assertThat(settings.serves("node")).isFalse();
    }

    @Test
    void failedOverNoNodeServesWhateverTheList() {
        settings.changeState(PoolState.FAILED_OVER);
        assertThat(settings.state()).isEqualTo(PoolState.FAILED_OVER);
        assertThat(settings.serves("node1")).isFalse();
        assertThat(settings.serves(null)).isFalse();

        settings.replaceActiveServers(List.of("node1"));
        assertThat(settings.serves("node1")).isFalse();

        settings.changeState(PoolState.NORMAL);
        assertThat(settings.serves("node1")).isTrue();
    }

    @Test
    void aServerInNoPoolServesWhileNormalWhateverTheList() {
        settings.replaceActiveServers(List.of("node1"));

        assertThat(settings.serves(null)).isTrue();
    }

    @Test
    void anEmptyListMakesEveryNodeActiveAgain() {
        settings.replaceActiveServers(List.of("node1"));
        settings.replaceActiveServers(List.of());

        assertThat(settings.activeServers()).isEmpty();
        assertThat(settings.serves("node2")).isTrue();
    }

    @Test
    void namesAreStrippedAndKeptAsWritten() {
        settings.replaceActiveServers(List.of(" chat-1.example.com ", "node_2"));

        assertThat(settings.activeServers()).containsExactly("chat-1.example.com", "node_2");
    }

    @Test
    void aNameGivenTwiceIsRefusedAndNothingChanges() {
        settings.replaceActiveServers(List.of("node9"));

        assertInvalid(() -> settings.replaceActiveServers(List.of("node1", "NODE1")),
                "active server NODE1 is named twice");
        assertThat(settings.activeServers()).containsExactly("node9");
    }

    @Test
    void eightActiveServersAtMost() {
        List<String> eight = new ArrayList<>();
        for (int i = 1; i <= PoolSettings.MAX_ACTIVE_SERVERS; i++) {
            eight.add("node" + i);
        }
        settings.replaceActiveServers(eight);
        assertThat(settings.activeServers()).hasSize(8);

        List<String> nine = new ArrayList<>(eight);
        nine.add("node9");
        assertInvalid(() -> settings.replaceActiveServers(nine), "a pool has at most 8 active servers, not 9");
        assertInvalid(() -> settings.modifyActiveServers(List.of("node9"), List.of()),
                "a pool has at most 8 active servers, not 9");
        assertThat(settings.activeServers()).isEqualTo(eight.stream().sorted().toList());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void anEmptyNameIsRefused(String name) {
        List<String> names = new ArrayList<>();
        names.add(name);
        assertInvalid(() -> settings.replaceActiveServers(names), "an active server's name must not be empty");
        assertInvalid(() -> settings.modifyActiveServers(names, List.of()), "an active server's name must not be empty");
        assertInvalid(() -> settings.modifyActiveServers(List.of(), names),
                "an active server's name must not be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"node 1", "node,2", "nöde", "node/1", "sip:node@example.com", "node\t1"})
    void aNameIsANodesNameWithoutSpacesOrPunctuation(String name) {
        assertInvalid(() -> settings.replaceActiveServers(List.of(name)),
                "an active server is a pool node's name (letters, digits, '.', '-', '_'), not " + name);
    }

    @Test
    void aNameIsAtMost256Characters() {
        settings.replaceActiveServers(List.of("n".repeat(256)));
        assertThat(settings.activeServers()).containsExactly("n".repeat(256));

        assertInvalid(() -> settings.replaceActiveServers(List.of("n".repeat(257))),
                "an active server's name is longer than 256 characters");
    }

    @Test
    void noListIsRefused() {
        assertInvalid(() -> settings.replaceActiveServers(null),
                "give the active servers, or none to make every node active");
    }

    @Test
    void noStateIsRefused() {
        assertInvalid(() -> settings.changeState(null), "the pool's state is Normal or FailedOver");
        assertThat(settings.state()).isEqualTo(PoolState.NORMAL);
    }

    @Test
    void serversAreAddedAndRemovedByName() {
        settings.replaceActiveServers(List.of("node1", "node2"));

        settings.modifyActiveServers(List.of("node3", "NODE1"), List.of("Node2", "node7"));

        assertThat(settings.activeServers()).as("node1 stays as first written; node7 was not listed")
                .containsExactly("node1", "node3");
        settings.modifyActiveServers(List.of(" node4 "), List.of(" node3 "));
        assertThat(settings.activeServers()).containsExactly("node1", "node4");
    }

    @Test
    void removingTheLastActiveServerMakesEveryNodeActive() {
        settings.replaceActiveServers(List.of("node1"));

        settings.modifyActiveServers(List.of(), List.of("node1"));

        assertThat(settings.activeServers()).isEmpty();
        assertThat(settings.serves("node2")).isTrue();
    }

    @Test
    void aCopySharesNothing() {
        settings.replaceActiveServers(List.of("node1"));
        settings.changeState(PoolState.FAILED_OVER);

        PoolSettings copy = settings.copy();
        settings.replaceActiveServers(List.of("node2"));
        settings.changeState(PoolState.NORMAL);

        assertThat(copy.state()).isEqualTo(PoolState.FAILED_OVER);
        assertThat(copy.activeServers()).containsExactly("node1");
        copy.changeState(PoolState.NORMAL);
        assertThat(copy.serves("node1")).isTrue();
        assertThat(copy.serves("node2")).isFalse();
    }

    @Test
    void theNodeNameRuleIsThatOfTheList() {
        assertThat(PoolSettings.nodeName(" node-1.example_2 ")).isEqualTo("node-1.example_2");
    }

    private static void assertInvalid(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID)).hasMessage(message);
    }
}
