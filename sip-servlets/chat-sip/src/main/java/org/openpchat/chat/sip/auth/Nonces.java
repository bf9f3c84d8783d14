package org.openpchat.chat.sip.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Digest nonces as RFC 7616 wants them kept: random, remembered with the flow they were issued
 * on, good for {@link #lifetime} and for increasing nonce counts only. An answer captured on one
 * connection is worthless on another, and worthless again on its own (SIPE always counts
 * {@code 00000001}, so for SIPE every nonce is single-use). Node-local, like the connections.
 */
public final class Nonces {

    public enum Check { VALID, STALE, INVALID, REPLAYED }

    /** Outstanding nonces at most; past it the oldest tenth is dropped (their clients get a new challenge). */
    static final int MAX_OUTSTANDING = 50_000;

    private record Issued(Flow flow, Instant at, long lastCount) {
    }

    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;

    public Nonces(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public String issue(Flow flow) {
        Instant now = clock.instant();
        if (issued.size() >= MAX_OUTSTANDING) {
            makeRoom(now);
        }
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(nonce, new Issued(flow, now, 0));
        return nonce;
    }

    /**
     * Checks one use of a nonce, from {@code flow}, with the client's nonce count (hex, as sent in
     * {@code nc}), and records the count: the same count twice is a replay.
     */
    public Check use(String nonce, Flow flow, String nonceCount) {
        long count = parseCount(nonceCount);
        if (nonce == null || count <= 0) {
            return Check.INVALID;
        }
        Check[] result = {Check.INVALID};
        issued.computeIfPresent(nonce, (key, entry) -> {
            if (!entry.flow().equals(flow)) {
                return entry;
            }
            if (expired(entry, clock.instant())) {
                result[0] = Check.STALE;
                return null;
            }
            if (count <= entry.lastCount()) {
                result[0] = Check.REPLAYED;
                return entry;
            }
            result[0] = Check.VALID;
            return new Issued(entry.flow(), entry.at(), count);
        });
        return result[0];
    }

    int outstanding() {
        return issued.size();
    }

    private void makeRoom(Instant now) {
        issued.values().removeIf(entry -> expired(entry, now));
        int excess = issued.size() - MAX_OUTSTANDING + MAX_OUTSTANDING / 10; // a tenth at once: not a sort per nonce
        if (excess > 0) {
            issued.entrySet().stream().sorted(Comparator.comparing(e -> e.getValue().at())).limit(excess)
                    .map(Map.Entry::getKey).toList().forEach(issued::remove);
        }
    }

    private boolean expired(Issued entry, Instant now) {
        return now.isAfter(entry.at().plus(lifetime));
    }

    private static long parseCount(String nonceCount) {
        if (nonceCount == null || nonceCount.isEmpty() || nonceCount.length() > 8) {
            return -1;
        }
        try {
            return Long.parseLong(nonceCount, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
