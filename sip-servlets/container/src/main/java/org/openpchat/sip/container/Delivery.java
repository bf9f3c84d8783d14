package org.openpchat.sip.container;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One call into a servlet. When the call runs in a container transaction, the messages the servlet
 * sends are held here until that transaction commits (a rolled-back request must not have told the
 * client "200") and dropped if it rolls back; once it has committed, they leave, and whatever is
 * sent after that leaves at once. Without a container transaction there is nothing to wait for:
 * each message leaves when it is sent, as the servlet's use cases commit on their own.
 *
 * <p>Holding the messages of a call without a transaction until the call returned let posts
 * overtake each other: a post's delivery to its room is sent when its use case commits, and
 * another thread's later post of the same room, whose call ended first, went out before it.
 */
final class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class.getName());
    private static final ThreadLocal<Delivery> CURRENT = new ThreadLocal<>();

    private enum State { HOLDING, RELEASED, DROPPED }

    private final String servletName;
    private final List<Runnable> held = new ArrayList<>();
    private State state = State.HOLDING;

    private Delivery(String servletName) {
        this.servletName = servletName;
    }

    static Delivery begin(String servletName) {
        Delivery delivery = new Delivery(servletName);
        CURRENT.set(delivery);
        return delivery;
    }

    /** The delivery running on this thread, or null outside one. */
    static Delivery current() {
        return CURRENT.get();
    }

    String servletName() {
        return servletName;
    }

    /**
     * Ties the delivery to the transaction now on the thread: released when it commits, dropped
     * when it rolls back; released at once if there is none. Call it before the servlet runs, so
     * that this synchronization completes before any the servlet's code registers.
     */
    void follow(TransactionSynchronizationRegistry transactions) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            release();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    release();
                } else {
                    drop();
                }
            }
        });
    }

    /** Sends now if the delivery is released, holds it otherwise; dropped after a rollback. */
    void send(Runnable transmit) {
        synchronized (this) {
            if (state == State.HOLDING) {
                held.add(transmit);
                return;
            }
            if (state == State.DROPPED) {
                return;
            }
        }
        transmit.run();
    }

    /** Sends what was held, in order; from now on {@link #send} sends at once. */
    void release() {
        List<Runnable> out;
        synchronized (this) {
            if (state != State.HOLDING) {
                return;
            }
            state = State.RELEASED;
            out = new ArrayList<>(held);
            held.clear();
        }
        for (Runnable transmit : out) {
            try {
                transmit.run();
            } catch (RuntimeException e) { // the others still leave
                LOG.log(Level.WARNING, "a message of SIP servlet " + servletName + " could not be sent", e);
            }
        }
    }

    /** Forgets what was held, and anything sent later. */
    synchronized void drop() {
        state = State.DROPPED;
        held.clear();
    }

    /** Ends the call: what is still held leaves if it succeeded, and is dropped otherwise. */
    void end(boolean succeeded) {
        CURRENT.remove();
        if (succeeded) {
            release();
        } else {
            drop();
        }
    }
}
