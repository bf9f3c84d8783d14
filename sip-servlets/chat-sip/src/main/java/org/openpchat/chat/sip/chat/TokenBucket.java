package org.openpchat.chat.sip.chat;

import java.time.Duration;
import java.time.Instant;

/**
 * One user's request allowance: starts full at {@code capacity} tokens, refills at {@code
 * perSecond} tokens a second up to {@code capacity}, and each request takes one. Counted in
 * billionths of a token so that the refill is exact. With a whole number of tokens a second, an
 * empty bucket has its next token within a second. Not thread-safe: {@link UserRequestRates}
 * uses each bucket under its map's lock.
 */
final class TokenBucket {

    private static final long UNIT = 1_000_000_000L;

    private final long perSecond;
    private final long capacity;
    private long units;
    private Instant refilled;

    TokenBucket(int perSecond, int capacity, Instant now) {
        this.perSecond = perSecond;
        this.capacity = capacity * UNIT;
        this.units = this.capacity;
        this.refilled = now;
    }

    /** Takes a token; false if there was none. */
    boolean take(Instant now) {
        refill(now);
        if (units < UNIT) {
            return false;
        }
        units -= UNIT;
        return true;
    }

    boolean isFull(Instant now) {
        refill(now);
        return units == capacity;
    }

    private void refill(Instant now) {
        if (!now.isAfter(refilled)) {
            return;
        }
        Duration elapsed = Duration.between(refilled, now);
        long nanosToFill = (capacity - units + perSecond - 1) / perSecond;
        if (elapsed.compareTo(Duration.ofNanos(nanosToFill)) >= 0) {
            units = capacity;
        } else {
            units += elapsed.toNanos() * perSecond; // elapsed < nanosToFill: no overflow, not above capacity
        }
        refilled = now;
    }
}
