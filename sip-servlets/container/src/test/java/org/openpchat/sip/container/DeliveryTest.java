package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private final List<String> wire = new ArrayList<>();
    private final Transactions transactions = new Transactions();

    @AfterEach
    void clear() {
        Delivery current = Delivery.current();
        if (current != null) {
            current.end(false);
        }
    }

    @Test
    void holdsWhatIsSentUntilTheTransactionCommitsThenSendsAtOnce() {
        Delivery delivery = Delivery.begin("chat");
        transactions.active = true;
        delivery.follow(transactions);
        delivery.send(sent("200 OK"));
        delivery.send(sent("INFO roster"));
        assertThat(wire).isEmpty();

        transactions.complete(Status.STATUS_COMMITTED);
        assertThat(wire).containsExactly("200 OK", "INFO roster");

        delivery.send(sent("INFO post 7")); // a committed post's fan-out, before the call returns
        assertThat(wire).containsExactly("200 OK", "INFO roster", "INFO post 7");

        delivery.end(true);
        assertThat(wire).containsExactly("200 OK", "INFO roster", "INFO post 7");
        assertThat(Delivery.current()).isNull();
    }

    @Test
    void aRollbackDropsWhatWasHeldAndWhatComesAfter() {
        Delivery delivery = Delivery.begin("chat");
        transactions.active = true;
        delivery.follow(transactions);
        delivery.send(sent("200 OK"));

        transactions.complete(Status.STATUS_ROLLEDBACK);
        delivery.send(sent("INFO post 8"));
        delivery.end(true);

        assertThat(wire).isEmpty();
    }

    @Test
    void withoutATransactionEachMessageLeavesWhenSent() {
        Delivery delivery = Delivery.begin("chat");
        delivery.follow(transactions);
        delivery.send(sent("INFO post 7"));
        assertThat(wire).containsExactly("INFO post 7");
        delivery.send(sent("200 OK"));
        assertThat(transactions.registered).isEmpty();
        assertThat(wire).containsExactly("INFO post 7", "200 OK");

        delivery.end(false);
        assertThat(wire).containsExactly("INFO post 7", "200 OK");
    }

    @Test
    void whatIsSentBeforeTheCallIsTiedToItsTransactionLeavesOnlyIfTheCallSucceeds() {
        Delivery failed = Delivery.begin("chat");
        failed.send(sent("200 OK"));
        failed.end(false);
        assertThat(wire).isEmpty();

        Delivery succeeded = Delivery.begin("chat");
        succeeded.send(sent("NOTIFY"));
        assertThat(wire).isEmpty();
        succeeded.end(true);
        assertThat(wire).containsExactly("NOTIFY");
    }

    @Test
    void oneMessageThatCannotBeSentDoesNotKeepTheOthersBack() {
        Delivery delivery = Delivery.begin("chat");
        delivery.send(sent("200 OK"));
        delivery.send(() -> {
            throw new IllegalStateException("connection gone");
        });
        delivery.send(sent("INFO"));
        delivery.end(true);
        assertThat(wire).containsExactly("200 OK", "INFO");
    }

    private Runnable sent(String message) {
        return () -> wire.add(message);
    }

    /** The thread's transaction, completed by the test. */
    private static final class Transactions implements TransactionSynchronizationRegistry {

        boolean active;
        final List<Synchronization> registered = new ArrayList<>();

        void complete(int status) {
            active = false;
            registered.forEach(s -> s.afterCompletion(status));
        }

        @Override
        public Object getTransactionKey() {
            return active ? this : null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            registered.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return active ? Status.STATUS_ACTIVE : Status.STATUS_NO_TRANSACTION;
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
