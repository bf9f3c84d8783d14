package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ChatSessionsTest {

    private static final String LOBBY = "ma-chan://example.com/lobby";

    private final ChatSessions sessions = new ChatSessions();

    @Test
    void roomsKnowTheirDialogsUntilTheyLeaveOrClose() {
        ChatSessions.ChatSession alice = sessions.open("a", "alice@example.com");
        ChatSessions.ChatSession bob = sessions.open("b", "bob@example.com");

        assertThat(sessions.enter(alice, LOBBY)).isTrue();
        assertThat(sessions.enter(alice, LOBBY)).as("second join of the same dialog").isFalse();
        sessions.enter(bob, LOBBY);
        assertThat(sessions.sessionsIn(LOBBY)).extracting(ChatSessions.ChatSession::id)
                .containsExactlyInAnyOrder("a", "b");

        assertThat(sessions.leave(bob, LOBBY)).isTrue();
        assertThat(sessions.leave(bob, LOBBY)).isFalse();
        assertThat(sessions.close("a")).isSameAs(alice);
        assertThat(sessions.sessionsIn(LOBBY)).isEmpty();
        assertThat(sessions.find("a")).isNull();
        assertThat(alice.rooms()).as("a closed dialog still tells which rooms it has to leave").containsExactly(LOBBY);
    }

    @Test
    void peopleInARoomAreCountedOnceEachWithoutTheOneAskingAndOnlyUpToTheLimit() {
        sessions.enter(sessions.open("d", "alice@example.com"), LOBBY);
        sessions.enter(sessions.open("l", "ALICE@example.com"), LOBBY);
        for (int i = 1; i <= 5; i++) {
            sessions.enter(sessions.open("u" + i, "user" + i + "@example.com"), LOBBY);
        }
        sessions.enter(sessions.open("c", "carol@example.com"), "ma-chan://example.com/other");

        assertThat(sessions.peopleIn(LOBBY, "bob@example.com", 10)).isEqualTo(6);
        assertThat(sessions.peopleIn(LOBBY, "Alice@example.com", 10)).isEqualTo(5);
        assertThat(sessions.peopleIn(LOBBY, "bob@example.com", 2)).as("stops past the limit").isEqualTo(3);
        assertThat(sessions.peopleIn("ma-chan://example.com/empty", "bob@example.com", 2)).isZero();
    }

    @Test
    void dialogsOpenedOnASignInThatEndedAreSignedOut() {
        ChatSessions.ChatSession onFirst = sessions.open("a", "alice@example.com", 1);
        ChatSessions.ChatSession onSecond = sessions.open("b", "bob@example.com", 2);
        ChatSessions.ChatSession selfProven = sessions.open("c", "carol@example.com");

        assertThat(sessions.signedOut(() -> Set.of(1L, 2L))).isEmpty();
        assertThat(sessions.signedOut(() -> Set.of(2L))).containsExactly(onFirst);
        assertThat(sessions.signedOut(Set::of)).containsExactlyInAnyOrder(onFirst, onSecond)
                .doesNotContain(selfProven);
    }

    @Test
    void aDialogOpenedWhileTheLiveSignInsAreReadIsNotJudgedByThem() {
        ChatSessions.ChatSession signedOut = sessions.open("a", "alice@example.com", 1);

        List<ChatSessions.ChatSession> ended = sessions.signedOut(() -> {
            Set<Long> readBeforeBobSignedIn = Set.of();
            sessions.open("b", "bob@example.com", 2);
            return readBeforeBobSignedIn;
        });

        assertThat(ended).containsExactly(signedOut);
        assertThat(sessions.find("b")).isNotNull();
    }

    @Test
    void atMostSoManyDialogsPerUserOpenAndAnOpenOneIsReturnedAsItIs() {
        ChatSessions.ChatSession desktop = sessions.openAtMost(2, "d", "alice@example.com", 0);
        ChatSessions.ChatSession laptop = sessions.openAtMost(2, "l", "ALICE@example.com", 3);

        assertThat(sessions.openAtMost(2, "p", "alice@example.com", 0)).isNull();
        assertThat(sessions.find("p")).isNull();
        assertThat(sessions.openAtMost(2, "d", "alice@example.com", 0)).isSameAs(desktop);
        assertThat(laptop.signInConnection()).isEqualTo(3);
        assertThat(sessions.openAtMost(2, "b", "bob@example.com", 0)).isNotNull();

        sessions.close("l");
        assertThat(sessions.openAtMost(2, "p", "alice@example.com", 0)).isNotNull();
    }

    @Test
    void invitesArrivingTogetherCannotBothTakeTheLastPlace() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> invites = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String id = "s" + i;
                invites.add(pool.submit(() -> {
                    start.await();
                    return sessions.openAtMost(10, id, "alice@example.com", 0);
                }));
            }
            start.countDown();
            for (Future<?> invite : invites) {
                invite.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(sessions.of("alice@example.com")).hasSize(10);
    }

    @Test
    void theDialogsOfAUserInAnyCase() {
        ChatSessions.ChatSession desktop = sessions.open("d", "alice@example.com");
        ChatSessions.ChatSession laptop = sessions.open("l", "ALICE@example.com");
        sessions.open("b", "bob@example.com");

        assertThat(sessions.of("Alice@Example.com")).containsExactlyInAnyOrder(desktop, laptop);
    }

    @Test
    void aClosedDialogIsNoLongerTheUsers() {
        ChatSessions.ChatSession desktop = sessions.open("d", "alice@example.com");
        sessions.open("l", "alice@example.com");
        sessions.close("l");
        assertThat(sessions.of("alice@example.com")).containsExactly(desktop);

        sessions.close("d");
        assertThat(sessions.of("alice@example.com")).isEmpty();
        ChatSessions.ChatSession again = sessions.open("d2", "alice@example.com");
        assertThat(sessions.of("alice@example.com")).containsExactly(again);
    }

    /** Sign-ins and sign-outs of one user on many threads at once leave the user's list right. */
    @Test
    void dialogsOpenedAndClosedTogetherLeaveTheUsersListRight() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        String id = thread + "-" + i;
                        sessions.open(id, "alice@example.com");
                        if (i % 2 == 0) {
                            sessions.close(id);
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(sessions.of("alice@example.com")).hasSize(8 * 1000)
                .allMatch(session -> Integer.parseInt(session.id().split("-")[1]) % 2 == 1);
    }

    @Test
    void aUserInARoomFromTwoClientsIsStillThereAfterOneLeaves() {
        ChatSessions.ChatSession desktop = sessions.open("d", "alice@example.com");
        ChatSessions.ChatSession laptop = sessions.open("l", "ALICE@example.com");
        sessions.enter(desktop, LOBBY);
        assertThat(sessions.inRoomElsewhere(desktop, LOBBY)).isFalse();

        sessions.enter(laptop, LOBBY);
        sessions.leave(desktop, LOBBY);

        assertThat(sessions.inRoomElsewhere(desktop, LOBBY)).isTrue();
    }

    @Test
    void onlyDialogsSilentSinceTheCutoffAreIdle() {
        Instant t0 = Instant.parse("2026-11-30T09:00:00Z");
        ChatSessions timed = new ChatSessions(Clock.fixed(t0, ZoneOffset.UTC));
        timed.open("old", "alice@example.com");

        assertThat(timed.idleSince(t0)).as("heard exactly at the cutoff").isEmpty();
        assertThat(timed.idleSince(t0.plusMillis(1))).extracting(ChatSessions.ChatSession::id).containsExactly("old");
    }
}
