package org.openpchat.chat.application.chat;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where front ends register to hear about posts, whoever made them (a SIP client, the REST API):
 * a post is handed to every listener once its transaction has committed, never before and never
 * if it rolled back, and after its room's earlier posts. In a pool, this node's posts are also
 * handed to the pool (before the front ends), and the other nodes' posts come {@link #fromPool}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PostListeners {

    private static final Logger LOG = Logger.getLogger(PostListeners.class.getName());

    private final List<PostListener> listeners = new CopyOnWriteArrayList<>();
    private final RoomDeliveryOrder order = new RoomDeliveryOrder(1, TimeUnit.SECONDS);
    private volatile PostListener pool = message -> {
    };
    private volatile boolean pooled;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    public PostListeners() {
    }

    /** Outside the container (tests): with this registry's transactions. */
    public PostListeners(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    public void register(PostListener listener) {
        listeners.add(listener);
    }

    public void unregister(PostListener listener) {
        listeners.remove(listener);
    }

    /**
     * Joins this node to a pool: its committed posts go to {@code pool} first, and a room's post
     * from another node that finds an earlier one missing waits for it, then gets it from
     * {@code missed} (its node may have died before passing it on).
     */
    public void pooled(PostListener pool, MissedPosts missed) {
        this.pool = pool;
        this.pooled = true;
        order.pooled((room, afterId, beforeId) -> missed.between(room, afterId, beforeId).forEach(this::deliver));
    }

    /** Whether this node is one of a pool (its posts go to the other nodes, theirs come here). */
    public boolean isPooled() {
        return pooled;
    }

    /**
     * Someone on this node joined the room, whose last committed post is {@code lastMessageId}
     * (what they read as history): later posts are handed on from the next id on, waiting for
     * any still on its way from another node ({@link RoomDeliveryOrder#known}).
     */
    public void joined(String roomUid, long lastMessageId) {
        order.known(roomUid, lastMessageId);
    }

    /**
     * A post that another node of the pool committed: delivered in its room's id order, once (a
     * duplicate, or a post the history already filled in, is dropped).
     */
    public void fromPool(PostedMessage message) {
        order.arrive(message.roomUid(), message.messageId(), () -> deliver(message));
    }

    /** Delivers the posts of rooms whose wait for a missing post ran out. */
    public void deliverOverdue() {
        order.sweep();
    }

    /**
     * Delivers the post when the caller's transaction commits (at once without a transaction),
     * after the room's posts with smaller ids ({@link RoomDeliveryOrder}). Called where the post
     * got its id, before the commit.
     */
    public void afterCommit(PostedMessage message) {
        if (transactions.getTransactionKey() == null) {
            shareAndDeliver(message);
            return;
        }
        String room = message.roomUid();
        long id = message.messageId();
        order.take(room, id);
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    order.complete(room, id, status == Status.STATUS_COMMITTED ? () -> shareAndDeliver(message) : null);
                }
            });
        } catch (RuntimeException e) {
            order.complete(room, id, null);
            throw e;
        }
    }

    private void shareAndDeliver(PostedMessage message) {
        try {
            pool.posted(message);
        } catch (RuntimeException e) { // the other nodes fill it in from history
            LOG.log(Level.WARNING, "could not pass message " + message.messageId() + " of room "
                    + message.roomUri() + " to the pool", e);
        }
        deliver(message);
    }

    private void deliver(PostedMessage message) {
        for (PostListener listener : listeners) {
            try {
                listener.posted(message);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a front end could not deliver message " + message.messageId()
                        + " of room " + message.roomUri(), e);
            }
        }
    }
}
