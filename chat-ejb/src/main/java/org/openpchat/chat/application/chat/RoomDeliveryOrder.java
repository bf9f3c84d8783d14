package org.openpchat.chat.application.chat;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a room's posts in the order of their message ids on their way to the front ends. A post
 * is taken when it gets its id (under the room's counter lock, so every smaller id of the room is
 * taken already) and finished once delivered or rolled back; a committed post is delivered when
 * no smaller id of its room is still taken. Posts of one room commit in id order but their
 * threads deliver them racing each other, and under load a member would see a later post first.
 * A wait is bounded, so a thread that never finishes holds nobody up for longer than that.
 */
final class RoomDeliveryOrder {

    private final long maxWaitNanos;
    private final Map<String, NavigableSet<Long>> taken = new HashMap<>();

    RoomDeliveryOrder(long maxWait, TimeUnit unit) {
        this.maxWaitNanos = unit.toNanos(maxWait);
    }

    synchronized void take(String room, long messageId) {
        taken.computeIfAbsent(room, r -> new TreeSet<>()).add(messageId);
    }

    /** Waits until no smaller id of the room is taken, or the longest wait; false if it gave up. */
    synchronized boolean awaitTurn(String room, long messageId) throws InterruptedException {
        long end = System.nanoTime() + maxWaitNanos;
        while (before(room, messageId)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    synchronized void finish(String room, long messageId) {
        NavigableSet<Long> ids = taken.get(room);
        if (ids != null && ids.remove(messageId) && ids.isEmpty()) {
            taken.remove(room);
        }
        notifyAll();
    }

    private boolean before(String room, long messageId) {
        NavigableSet<Long> ids = taken.get(room);
        return ids != null && !ids.isEmpty() && ids.first() < messageId;
    }

    synchronized int takenCount() {
        return taken.values().stream().mapToInt(NavigableSet::size).sum();
    }
}
