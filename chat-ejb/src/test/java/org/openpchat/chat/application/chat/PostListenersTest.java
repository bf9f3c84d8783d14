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
}
