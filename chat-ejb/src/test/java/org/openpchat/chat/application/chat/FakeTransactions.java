package org.openpchat.chat.application.chat;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;

/** A transaction registry with one transaction at most, that the test ends with a status. */
final class FakeTransactions implements TransactionSynchronizationRegistry {

    private Object key;
    private final List<Synchronization> synchronizations = new ArrayList<>();

    void begin() {
        key = new Object();
    }

    /** Ends the transaction with a {@link jakarta.transaction.Status}, as the container does. */
    void end(int status) {
        synchronizations.forEach(Synchronization::beforeCompletion);
        synchronizations.forEach(s -> s.afterCompletion(status));
        synchronizations.clear();
        key = null;
    }

    @Override
    public Object getTransactionKey() {
        return key;
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        if (key == null) {
            throw new IllegalStateException("no transaction");
        }
        synchronizations.add(sync);
    }

    @Override
    public void putResource(Object resourceKey, Object value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getResource(Object resourceKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getTransactionStatus() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setRollbackOnly() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean getRollbackOnly() {
        throw new UnsupportedOperationException();
    }
}
