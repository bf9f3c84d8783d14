package org.openpchat.chat.sip.chat;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;

/**
 * How fast each signed-in user may send requests to the chat endpoint: a {@link TokenBucket} per
 * user, as {@link UserLimits} says. A request beyond it gets {@code 503} with {@code Retry-After}
 * and is not carried out at all. A bucket that has filled up again is worth nothing over a fresh
 * one, so at most once per filling time the full ones are dropped: only users heard from within
 * that time are held.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UserRequestRates {

    /** At least one token a second comes back, and Retry-After counts whole seconds. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final UserLimits limits;
    private final Clock clock;
    private final Duration fillTime;
    private volatile Instant nextSweep;

    public UserRequestRates() {
        this(UserLimits.configured(), Clock.systemUTC());
    }

    UserRequestRates(UserLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.fillTime = Duration.ofSeconds(
                (limits.requestBurst() + limits.requestsPerSecond() - 1) / limits.requestsPerSecond());
        this.nextSweep = clock.instant().plus(fillTime);
    }

    /**
     * Takes one of the user's tokens; if there is none, answers the request {@code 503} with the
     * seconds until one is back and returns false: the caller then does nothing else with it.
     */
    public boolean admit(SipServletRequest request, String user) {
        if (take(user)) {
            return true;
        }
        SipServletResponse refusal = request.createResponse(503,
                "Too many requests from this user (above " + limits.requestsPerSecond() + " per second)");
        refusal.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        refusal.send();
        return false;
    }

    /** Takes one of the user's tokens; false if there was none. */
    boolean take(String user) {
        Instant now = clock.instant();
        sweepIfDue(now);
        boolean[] taken = new boolean[1];
        buckets.compute(user.toLowerCase(Locale.ROOT), (key, bucket) -> {
            TokenBucket held = bucket != null ? bucket
                    : new TokenBucket(limits.requestsPerSecond(), limits.requestBurst(), now);
            taken[0] = held.take(now);
            return held;
        });
        return taken[0];
    }

    /** How many users' buckets are held. */
    int trackedUsers() {
        return buckets.size();
    }

    private void sweepIfDue(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(fillTime);
        for (String user : buckets.keySet()) {
            buckets.computeIfPresent(user, (key, bucket) -> bucket.isFull(now) ? null : bucket);
        }
    }
}
