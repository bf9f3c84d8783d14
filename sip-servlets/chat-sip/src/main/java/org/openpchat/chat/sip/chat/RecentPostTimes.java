package org.openpchat.chat.sip.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How long posts take to be carried out, from the chat servlet taking the INFO until the post was
 * stored and its answer could leave: the 90th percentile over the posts carried out in the last
 * {@value #WINDOW_SECONDS} seconds (the latest {@value #KEPT}) and those still under way, counted
 * at their age so far. Posts of one room wait for one another (each takes the room's next message
 * id), and every post waits for the database's commit: when the server is past what it can store,
 * posts queue there, inside the servlet, where the container's own queues do not see it; counting
 * the posts under way shows such a queue as it forms, not only once its posts are through. Fewer
 * than {@value #MIN_POSTS} posts is too little traffic to be behind with: the figure is then 0.
 */
final class RecentPostTimes {

    static final int KEPT = 128;
    static final int MIN_POSTS = 20;
    static final int WINDOW_SECONDS = 2;
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);
    private static final double PERCENTILE = 0.9;

    private final LongSupplier clock;
    private final long[] endedAt = new long[KEPT];
    private final long[] tookNanos = new long[KEPT];
    private final List<Long> underWay = new ArrayList<>();
    private int next;
    private boolean full;

    RecentPostTimes(LongSupplier clock) {
        this.clock = clock;
    }

    /** A post is being carried out: returns its start, to give to {@link #ended}. */
    synchronized long started() {
        long now = clock.getAsLong();
        underWay.add(now);
        return now;
    }

    /** The post that {@link #started} at {@code start} has been carried out (or failed). */
    synchronized void ended(long start) {
        underWay.remove(Long.valueOf(start));
        endedAt[next] = clock.getAsLong();
        tookNanos[next] = endedAt[next] - start;
        next = (next + 1) % KEPT;
        full |= next == 0;
    }

    /** The 90th percentile of the recent and current posts' times, in milliseconds (0 with few posts). */
    synchronized long recentMillis() {
        long now = clock.getAsLong();
        long[] times = new long[KEPT + underWay.size()];
        int count = 0;
        for (int i = 0; i < (full ? KEPT : next); i++) {
            if (now - endedAt[i] <= WINDOW_NANOS) {
                times[count++] = tookNanos[i];
            }
        }
        for (long start : underWay) {
            times[count++] = now - start;
        }
        if (count < MIN_POSTS) {
            return 0;
        }
        Arrays.sort(times, 0, count);
        return TimeUnit.NANOSECONDS.toMillis(times[(int) Math.ceil(count * PERCENTILE) - 1]);
    }
}
