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
 *
 * <p>In a pool, posts committed on other nodes {@link #arrive} too, in any order and possibly
 * twice. A room's ids have no gaps, so a post whose predecessor has not come yet waits for it
 * (at most the patience limit); then the {@link Gaps} fill in the missing ones (from history:
 * their node may have died before passing them on) and the post goes out. An id at or below the
 * last one handed on is a duplicate and dropped. {@link #sweep} moves rooms whose wait ran out
 * while nothing else arrived. A room this node has not seen a post of yet has no last id, so
 * nothing would tell it that a smaller id is still on its way: a join gives it one
 * ({@link #known}), the room's last committed id, whose posts the joiner reads as history.
 */
final class RoomDeliveryOrder {

    /** Delivers a room's posts with ids after {@code afterId} and before {@code beforeId}, if it can. */
    @FunctionalInterface
    interface Gaps {

        void fill(String room, long afterId, long beforeId);
    }

    private static final Logger LOG = Logger.getLogger(RoomDeliveryOrder.class.getName());

    private final long patienceNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Room> rooms = new HashMap<>();
    private volatile Gaps gaps;

    RoomDeliveryOrder(long patience, TimeUnit unit) {
        this(patience, unit, System::nanoTime);
    }

    RoomDeliveryOrder(long patience, TimeUnit unit, LongSupplier nanoClock) {
        this.patienceNanos = unit.toNanos(patience);
        this.nanoClock = nanoClock;
    }

    /**
     * From now on a room's posts arrive from other nodes too: a gap in its ids is waited for and
     * then filled by {@code gaps}, and a room's last id is remembered while it is idle.
     */
    void pooled(Gaps gaps) {
        this.gaps = gaps;
    }

    /**
     * In a pool, the room's posts up to {@code lastMessageId} are committed and read as history
     * by whoever joins now: the later ones are to be handed on, in order, from the next id on. A
     * room with a last id already keeps it (its later posts may still be on their way).
     */
    synchronized void known(String room, long lastMessageId) {
        if (gaps == null) {
            return;
        }
        Room state = rooms.computeIfAbsent(room, r -> new Room());
        if (state.last == 0) {
            state.last = lastMessageId;
        }
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
                state = startDelivering(state);
            }
        }
        if (post == null) {
            run(delivery);
            return;
        }
        deliverReady(room, state);
        if (delivery != null) {
            post.awaitDelivered(patienceNanos);
        }
    }

    /**
     * A post that another node committed: handed on in its turn, on this thread unless another is
     * delivering the room. Returns false for a duplicate (this id or a later one went out already).
     */
    boolean arrive(String room, long messageId, Runnable delivery) {
        Room state;
        synchronized (this) {
            state = rooms.computeIfAbsent(room, r -> new Room());
            if (messageId <= state.last || state.open.containsKey(messageId)) {
                return false;
            }
            Post post = new Post(nanoClock.getAsLong());
            post.completed = true;
            post.delivery = delivery;
            state.open.put(messageId, post);
            state = startDelivering(state);
        }
        deliverReady(room, state);
        return true;
    }

    /** Hands on what has become ready by the clock alone: posts whose wait for a gap ran out. */
    void sweep() {
        Map<String, Room> idle = new HashMap<>();
        synchronized (this) {
            rooms.forEach((name, state) -> {
                if (!state.delivering && !state.open.isEmpty()) {
                    state.delivering = true;
                    idle.put(name, state);
                }
            });
        }
        idle.forEach(this::deliverReady);
    }

    /** The room if this thread is to deliver it, null if another thread is at it. */
    private static Room startDelivering(Room state) {
        if (state.delivering) {
            return null;
        }
        state.delivering = true;
        return state;
    }

    private void deliverReady(String room, Room state) {
        if (state == null) {
            return;
        }
        for (List<Post> ready = ready(room, state); !ready.isEmpty(); ready = ready(room, state)) {
            ready.forEach(Post::deliver);
        }
    }

    /** Takes the posts now in turn; when there are none, lets the room go. */
    private synchronized List<Post> ready(String room, Room state) {
        List<Post> ready = new ArrayList<>();
        long now = nanoClock.getAsLong();
        Gaps filler = gaps;
        while (!state.open.isEmpty()) {
            Map.Entry<Long, Post> first = state.open.firstEntry();
            long id = first.getKey();
            Post post = first.getValue();
            boolean waitedEnough = now - post.since >= patienceNanos;
            if (!post.completed) {
                if (!waitedEnough) {
                    break;
                }
                LOG.fine(() -> "message " + id + " of room " + room + " passed over: still open");
            } else {
                if (filler != null && state.last > 0 && id > state.last + 1) {
                    if (!waitedEnough) {
                        break;
                    }
                    long after = state.last;
                    LOG.fine(() -> "messages " + (after + 1) + " to " + (id - 1) + " of room " + room
                            + " did not arrive; read from history");
                    Post fill = new Post(now);
                    fill.delivery = () -> filler.fill(room, after, id);
                    ready.add(fill);
                }
                ready.add(post);
            }
            state.last = Math.max(state.last, id);
            state.open.pollFirstEntry();
        }
        if (ready.isEmpty()) {
            state.delivering = false;
            if (state.open.isEmpty() && filler == null) {
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
        /** The highest id handed on or passed over; 0 before the first. */
        long last;
    }

    private static final class Post {
        /** When it was taken (a post of this node) or arrived (another node's). */
        final long since;
        boolean completed;
        Runnable delivery;
        private boolean delivered;

        Post(long since) {
            this.since = since;
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
