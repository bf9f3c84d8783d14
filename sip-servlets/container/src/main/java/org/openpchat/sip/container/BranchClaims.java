package org.openpchat.sip.container;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * Which client sent each recent Via branch. The first request with a branch claims it for its
 * client (Via sent-by and flow); a request from another client with that branch while the claim
 * lasts is a collision. Claiming is one atomic step per branch, so of two clients whose requests
 * reach the stack at the same instant on different threads exactly one wins; the lookup of
 * JAIN-SIP's transaction table alone cannot decide that, as neither transaction exists yet.
 */
final class BranchClaims {

    /** 64 × T1: as long as a non-INVITE server transaction may live over an unreliable transport. */
    static final long LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(32);

    private record Claim(String sentBy, Flow flow, long expiresAt) {

        boolean heldBy(String otherSentBy, Flow otherFlow) {
            return sentBy.equalsIgnoreCase(otherSentBy) && flow.carries(otherFlow);
        }
    }

    private final Map<String, Claim> claims = new ConcurrentHashMap<>();
    private final AtomicLong nextPurge;
    private final int capacity;
    private final LongSupplier clock;

    BranchClaims(int capacity, LongSupplier clock) {
        this.capacity = capacity;
        this.clock = clock;
        this.nextPurge = new AtomicLong(clock.getAsLong() + LIFETIME_NANOS);
    }

    /**
     * Claims {@code branch} for the client, or renews its claim; false if another client holds
     * it. When the table is full, new branches go unclaimed (the transaction lookup still catches
     * most collisions) rather than the table growing without bound.
     */
    boolean claim(String branch, String sentBy, Flow flow) {
        long now = clock.getAsLong();
        purgeIfDue(now);
        Claim mine = new Claim(sentBy, flow, now + LIFETIME_NANOS);
        BiFunction<String, Claim, Claim> renew = (key, held) ->
                held.expiresAt() - now < 0 || held.heldBy(sentBy, flow) ? mine : held;
        Claim winner = claims.size() < capacity
                ? claims.compute(branch, (key, held) -> held == null ? mine : renew.apply(key, held))
                : claims.computeIfPresent(branch, renew);
        return winner == null || winner == mine;
    }

    int size() {
        return claims.size();
    }

    private void purgeIfDue(long now) {
        long due = nextPurge.get();
        if (now - due >= 0 && nextPurge.compareAndSet(due, now + LIFETIME_NANOS)) {
            claims.values().removeIf(claim -> claim.expiresAt() - now < 0);
        }
    }
}
