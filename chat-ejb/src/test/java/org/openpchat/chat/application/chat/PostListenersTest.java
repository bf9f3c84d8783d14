package org.openpchat.chat.application.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.transaction.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.FakeTransactions;
import org.openpchat.chat.domain.principal.PrincipalId;

/** Posts reach the front ends after their transaction committed, never before, never after a rollback. */
class PostListenersTest {

    private static final PostedMessage POST = new PostedMessage("uid", "ma-chan://example.com/uid", 7,
            PrincipalId.user("alice@example.com"), Instant.EPOCH, "hello");

    private final FakeTransactions transactions = new FakeTransactions();
    private final PostListeners listeners = new PostListeners(transactions);
    private final List<String> delivered = new ArrayList<>();

    @Test
    void aPostIsDeliveredToEveryListenerWhenItsTransactionCommits() {
        listeners.register(message -> delivered.add("sip " + message.messageId()));
        listeners.register(message -> delivered.add("rest " + message.messageId()));
        transactions.begin();

        listeners.afterCommit(POST);
        assertThat(delivered).as("not before the commit").isEmpty();

        transactions.end(Status.STATUS_COMMITTED);
        assertThat(delivered).containsExactly("sip 7", "rest 7");
    }

    @Test
    void aRoomsPostsAreDeliveredInIdOrderWhicheverCommitsFirst() throws Exception {
        FakeTransactions two = new FakeTransactions();
        two.begin();
        PostListeners ordered = new PostListeners(two);
        ordered.register(message -> delivered.add("sip " + message.messageId()));
        ordered.afterCommit(post(7));
        ordered.afterCommit(post(8));
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            Future<?> later = threads.submit(() -> two.registered().get(1).afterCompletion(Status.STATUS_COMMITTED));
            Thread.sleep(100);
            assertThat(delivered).as("8 waits for 7").isEmpty();

            two.registered().get(0).afterCompletion(Status.STATUS_COMMITTED);

            later.get(10, TimeUnit.SECONDS);
            assertThat(delivered).containsExactly("sip 7", "sip 8");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aPostWhoseTransactionCouldNotBeFollowedHoldsUpNoLaterOne() {
        FakeTransactions two = new FakeTransactions();
        two.begin();
        PostListeners ordered = new PostListeners(two);
        ordered.register(message -> delivered.add("sip " + message.messageId()));
        two.ending(true); // a transaction that is already ending takes no synchronization

        assertThatThrownBy(() -> ordered.afterCommit(post(7))).isInstanceOf(IllegalStateException.class);
        two.ending(false);
        ordered.afterCommit(post(8));
        two.registered().get(0).afterCompletion(Status.STATUS_COMMITTED);

        assertThat(delivered).containsExactly("sip 8");
    }

    @Test
    void aRolledBackPostIsNotDelivered() {
        listeners.register(message -> delivered.add("sip"));
        transactions.begin();

        listeners.afterCommit(POST);
        transactions.end(Status.STATUS_ROLLEDBACK);

        assertThat(delivered).isEmpty();
    }

    @Test
    void withoutATransactionThePostIsDeliveredAtOnce() {
        listeners.register(message -> delivered.add("sip"));

        listeners.afterCommit(POST);

        assertThat(delivered).containsExactly("sip");
    }

    private static PostedMessage post(long id) {
        return new PostedMessage("uid", "ma-chan://example.com/uid", id, PrincipalId.user("alice@example.com"),
                Instant.EPOCH, "hello");
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersAndAnUnregisteredOneHearsNothing() {
        PostListener gone = message -> delivered.add("gone");
        listeners.register(message -> {
            throw new IllegalStateException("front end down");
        });
        listeners.register(gone);
        listeners.register(message -> delivered.add("rest"));
        listeners.unregister(gone);

        listeners.afterCommit(POST);

        assertThat(delivered).containsExactly("rest");
    }

    @Test
    void inAPoolACommittedPostGoesToThePoolBeforeTheFrontEndsAndARolledBackOneNowhere() {
        listeners.pooled(message -> delivered.add("pool " + message.messageId()), (room, after, before) -> List.of());
        listeners.register(message -> delivered.add("sip " + message.messageId()));
        transactions.begin();
        listeners.afterCommit(post(7));
        transactions.end(Status.STATUS_COMMITTED);
        transactions.begin();
        listeners.afterCommit(post(8));
        transactions.end(Status.STATUS_ROLLEDBACK);

        assertThat(delivered).containsExactly("pool 7", "sip 7");
    }

    @Test
    void aPoolThatCannotTakeThePostLeavesItsDeliveryHere() {
        listeners.pooled(message -> {
            throw new IllegalStateException("broker down");
        }, (room, after, before) -> List.of());
        listeners.register(message -> delivered.add("sip " + message.messageId()));

        listeners.afterCommit(post(7));

        assertThat(delivered).containsExactly("sip 7");
    }

    @Test
    void aJoinersHistoryIsNotHandedOnAgainAndWhatFollowsItIsWaitedFor() {
        assertThat(listeners.isPooled()).isFalse();
        listeners.pooled(message -> delivered.add("pool " + message.messageId()), (room, after, before) -> List.of());
        listeners.register(message -> delivered.add("sip " + message.messageId()));
        assertThat(listeners.isPooled()).isTrue();

        listeners.joined("uid", 7);
        listeners.fromPool(post(7));
        listeners.fromPool(post(9));
        listeners.fromPool(post(8));

        assertThat(delivered).containsExactly("sip 8", "sip 9");
    }

    @Test
    void anotherNodesPostsReachTheFrontEndsInOrderOnceAndAreNotPassedBackToThePool() {
        listeners.pooled(message -> delivered.add("pool " + message.messageId()), (room, after, before) -> List.of());
        listeners.register(message -> delivered.add("sip " + message.messageId()));

        listeners.fromPool(post(7));
        listeners.fromPool(post(9));
        listeners.fromPool(post(8));
        listeners.fromPool(post(8));

        assertThat(delivered).containsExactly("sip 7", "sip 8", "sip 9");
    }

    @Test
    void aPostThatNeverArrivedIsReadBackFromTheMissedPostsOnceOverdue() throws Exception {
        List<String> asked = new ArrayList<>();
        PostListeners brief = new PostListeners(transactions);
        brief.pooled(message -> {
        }, (room, after, before) -> {
            asked.add(room + " " + after + ".." + before);
            return List.of(post(8));
        });
        brief.register(message -> delivered.add("sip " + message.messageId()));
        brief.fromPool(post(7));
        brief.fromPool(post(9));

        brief.deliverOverdue();
        assertThat(delivered).as("within the patience limit").containsExactly("sip 7");
        Thread.sleep(1100);
        brief.deliverOverdue();

        assertThat(asked).containsExactly("uid 7..9");
        assertThat(delivered).containsExactly("sip 7", "sip 8", "sip 9");
    }
}
