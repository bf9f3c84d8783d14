package org.openpchat.chat.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
