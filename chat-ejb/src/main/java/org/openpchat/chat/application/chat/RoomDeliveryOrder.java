package org.openpchat.chat.application.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands a room's committed posts on in the order of their message ids. A post is taken when it
 * gets its id (under the room's counter lock, so every smaller id of the room is taken already)
 * and completed when its transaction ends: with its delivery if it committed, without one if it
 * rolled back. Posts of one room commit in id order, but their threads complete them racing each
 * other, and under load a member would see a later post first.
 *
 * <p>The thread that completes the room's earliest open post runs every delivery that is then
 * ready, in id order: its own and those that completed before it and were left for it. One thread
 * at a time delivers a room; a post completed meanwhile is left to it. A post's own thread
 * returns once the post has gone out (or after the patience limit).
 * An earlier post still open after the patience limit (its thread stalled) is passed over when a
 * later post of the room completes, and delivered, late, when it completes itself; until one of
 * the two happens the room's later posts wait. Every taken post must be completed: JTA calls
 * every registered synchronization once its transaction ends, whichever way.
 */
final class RoomDeliveryOrder {

    private static final Logger LOG = Logger.getLogger(RoomDeliveryOrder.class.getName());

    private final long patienceNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Room> rooms = new HashMap<>();

    RoomDeliveryOrder(long patience, TimeUnit unit) {
        this(patience, unit, System::nanoTime);
    }

    RoomDeliveryOrder(long patience, TimeUnit unit, LongSupplier nanoClock) {
        this.patienceNanos = unit.toNanos(patience);
        this.nanoClock = nanoClock;
    }

    synchronized void take(String room, long messageId) {
        rooms.computeIfAbsent(room, r -> new Room()).open.put(messageId, new Post(nanoClock.getAsLong()));
    }

    /**
     * Completes a taken post: {@code delivery} runs in its turn, or nothing if null (rolled back).
     * Runs on this thread whatever is ready, unless another thread is delivering the room; then
     * waits (at most the patience limit) until this post has gone out, so that the poster's
     * answer, which the server's overload signal times, includes its room's backlog.
     */
    void complete(String room, long messageId, Runnable delivery) {
        Room state;
        Post post;
        synchronized (this) {
            state = rooms.get(room);
            post = state == null ? null : state.open.get(messageId);
            if (post == null) { // passed over, or never taken
                state = null;
            } else {
                post.completed = true;
                post.delivery = delivery;
                if (state.delivering) {
                    state = null;
                } else {
                    state.delivering = true;
                }
            }
        }
        if (post == null) {
            run(delivery);
            return;
        }
        if (state != null) {
            for (List<Post> ready = ready(room, state); !ready.isEmpty(); ready = ready(room, state)) {
                ready.forEach(Post::deliver);
            }
        }
        if (delivery != null) {
            post.awaitDelivered(patienceNanos);
        }
    }

    /** Takes the posts now in turn; when there are none, lets the room go. */
    private synchronized List<Post> ready(String room, Room state) {
        List<Post> ready = new ArrayList<>();
        long now = nanoClock.getAsLong();
        while (!state.open.isEmpty()) {
            Map.Entry<Long, Post> first = state.open.firstEntry();
            Post post = first.getValue();
            if (!post.completed) {
                if (now - post.takenAt < patienceNanos) {
                    break;
                }
                LOG.fine(() -> "message " + first.getKey() + " of room " + room + " passed over: still open");
            } else {
                ready.add(post);
            }
            state.open.pollFirstEntry();
        }
        if (ready.isEmpty()) {
            state.delivering = false;
            if (state.open.isEmpty()) {
                rooms.remove(room);
            }
        }
        return ready;
    }

    private static void run(Runnable delivery) {
        if (delivery == null) {
            return;
        }
        try {
            delivery.run();
        } catch (RuntimeException e) { // the room's next posts still go out
            LOG.log(Level.WARNING, "a post's delivery failed", e);
        }
    }

    synchronized int openCount() {
        return rooms.values().stream().mapToInt(room -> room.open.size()).sum();
    }

    private static final class Room {
        final NavigableMap<Long, Post> open = new TreeMap<>();
        boolean delivering;
    }

    private static final class Post {
        final long takenAt;
        boolean completed;
        Runnable delivery;
        private boolean delivered;

        Post(long takenAt) {
            this.takenAt = takenAt;
        }

        void deliver() {
            try {
                run(delivery);
            } finally {
                synchronized (this) {
                    delivered = true;
                    notifyAll();
                }
            }
        }

        synchronized void awaitDelivered(long maxNanos) {
            long end = System.nanoTime() + maxNanos;
            try {
                while (!delivered) {
                    long left = end - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
