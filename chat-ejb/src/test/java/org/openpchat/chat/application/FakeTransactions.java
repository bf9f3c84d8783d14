package org.openpchat.chat.application;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The container's transaction registry for unit tests of the services that follow their
 * transaction: one transaction at a time, which the test begins and ends with a status, or whose
 * synchronizations the test completes one by one (transactions that end in another order).
 */
public final class FakeTransactions implements TransactionSynchronizationRegistry {

    private Object key;
    private boolean ending;
    private final List<Synchronization> registered = new ArrayList<>();
    private final Map<Object, Object> resources = new HashMap<>();

    public void begin() {
        key = new Object();
    }

    /** Ends the transaction with a {@link Status}, as the container does. */
    public void end(int status) {
        List<Synchronization> completing = List.copyOf(registered);
        completing.forEach(Synchronization::beforeCompletion);
        completing.forEach(s -> s.afterCompletion(status));
        registered.clear();
        resources.clear();
        key = null;
    }

    /** From now on the transaction is ending: it takes no more synchronizations. */
    public void ending(boolean ending) {
        this.ending = ending;
    }

    /** What was registered since the transaction began, in order. */
    public List<Synchronization> registered() {
        return registered;
    }

    public Map<Object, Object> resources() {
        return resources;
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
        if (ending) {
            throw new IllegalStateException("the transaction is ending");
        }
        registered.add(sync);
    }

    @Override
    public void putResource(Object resourceKey, Object value) {
        if (key == null) {
            throw new IllegalStateException("no transaction");
        }
        resources.put(resourceKey, value);
    }

    @Override
    public Object getResource(Object resourceKey) {
        return resources.get(resourceKey);
    }

    @Override
    public int getTransactionStatus() {
        return key == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
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
