package org.openpchat.chat.application.directory;

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

/**
 * Slows down password guessing. After {@link #USER_FAILURES} wrong passwords in a row for one
 * user name, or {@link #ADDRESS_FAILURES} from one address, sign-in is refused for a lockout that
 * starts at {@link #FIRST_LOCKOUT} and doubles with each further failure, up to
 * {@link #MAX_LOCKOUT}. A correct password ends the user's count (and lowers the address's).
 * One throttle for every way in (the API, the console, SIP Digest), so guessing over one does not
 * reset the count of another. User names are counted in lower case, without a {@code sip:} prefix.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SignInThrottle {

    static final int USER_FAILURES = 5;
    static final int ADDRESS_FAILURES = 20;
    static final Duration FIRST_LOCKOUT = Duration.ofSeconds(30);
    static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);
    /** Failures older than this are forgotten. */
    static final Duration MEMORY = Duration.ofMinutes(30);
    static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle() {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds the caller must wait, 0 when it may try. */
    public long secondsLocked(String user, String address) {
        Instant now = clock.instant();
        return Math.max(remaining(byUser.get(key(user)), now), remaining(byAddress.get(address), now));
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        record(byUser, key(user), USER_FAILURES, now);
        record(byAddress, address, ADDRESS_FAILURES, now);
    }

    public void succeeded(String user, String address) {
        byUser.remove(key(user));
        byAddress.computeIfPresent(address, (key, f) -> f.count() <= 1 ? null
                : new Failures(f.count() - 1, f.last(), f.lockedUntil()));
    }

    private void record(Map<String, Failures> map, String key, int allowed, Instant now) {
        if (map.size() >= MAX_TRACKED) {
            map.values().removeIf(f -> f.last().plus(MEMORY).isBefore(now));
        }
        map.compute(key, (k, previous) -> {
            int count = previous == null || previous.last().plus(MEMORY).isBefore(now) ? 1 : previous.count() + 1;
            Instant lockedUntil = count < allowed ? null : now.plus(lockout(count - allowed));
            return new Failures(count, now, lockedUntil);
        });
    }

    private static String key(String user) {
        String name = user.toLowerCase(Locale.ROOT);
        return name.startsWith("sip:") ? name.substring(4) : name;
    }

    static Duration lockout(int beyond) {
        long seconds = FIRST_LOCKOUT.toSeconds() << Math.min(beyond, 20);
        return seconds > MAX_LOCKOUT.toSeconds() ? MAX_LOCKOUT : Duration.ofSeconds(seconds);
    }

    private static long remaining(Failures failures, Instant now) {
        if (failures == null || failures.lockedUntil() == null || !failures.lockedUntil().isAfter(now)) {
            return 0;
        }
        return Math.max(1, Duration.between(now, failures.lockedUntil()).toSeconds());
    }
}
