package org.openpchat.chat.sip.chat;

import jakarta.resource.ResourceException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.openpchat.chat.sip.xccos.XccosEnvelope;
import org.openpchat.sip.servlet.SipConnection;
import org.openpchat.sip.servlet.SipConnectionFactory;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;

/**
 * Graceful overload: while the server is behind, INFOs carrying posts are refused with {@code 503}
 * and {@code Retry-After} before anything in them is carried out. Behind is measured by two
 * figures: how long messages wait in the SIP container's queues, in and out
 * ({@link SipConnection#getDeliveryDelayMillis()}; limit {@code -Dopenpchat.sip.max-delivery-delay-ms},
 * default {@value #DEFAULT_MAX_DELAY_MILLIS}), and how long posts take to be carried out
 * ({@link RecentPostTimes}, shared by every instance of the servlet; limit {@code
 * -Dopenpchat.chat.max-post-time-ms}, default {@value #DEFAULT_MAX_POST_MILLIS}). From half its
 * limit a growing share of posts is refused, all from the limit. The posts already accepted keep
 * their latency instead of every post becoming late; commands (joins, history) still run, since
 * they are what a client needs to recover.
 */
final class PostShedding {

    static final String PROPERTY = "openpchat.sip.max-delivery-delay-ms";
    static final int DEFAULT_MAX_DELAY_MILLIS = 200;
    static final String POST_TIME_PROPERTY = "openpchat.chat.max-post-time-ms";
    static final int DEFAULT_MAX_POST_MILLIS = 250;
    private static final String RETRY_AFTER_SECONDS = "1";
    private static final RecentPostTimes POSTS = new RecentPostTimes(System::nanoTime);

    private final long maxDelayMillis;
    private final long maxPostMillis;
    private final RecentPostTimes posts;
    private final DoubleSupplier chance;

    /** {@code chance} draws uniformly from [0, 1). */
    PostShedding(long maxDelayMillis, long maxPostMillis, RecentPostTimes posts, DoubleSupplier chance) {
        this.maxDelayMillis = maxDelayMillis;
        this.maxPostMillis = maxPostMillis;
        this.posts = posts;
        this.chance = chance;
    }

    static PostShedding configured() {
        return new PostShedding(ChatOptions.positive(PROPERTY, DEFAULT_MAX_DELAY_MILLIS),
                ChatOptions.positive(POST_TIME_PROPERTY, DEFAULT_MAX_POST_MILLIS), POSTS,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** How long posts take to be carried out on this node now ({@link RecentPostTimes}). */
    static long recentPostMillis() {
        return POSTS.recentMillis();
    }

    /**
     * Carries out an INFO that was not refused, timing it if it carries posts; returns what
     * {@code carryOut} returned.
     */
    <T> T timed(XccosEnvelope envelope, Supplier<T> carryOut) {
        if (!carriesPosts(envelope)) {
            return carryOut.get();
        }
        long start = posts.started();
        try {
            return carryOut.get();
        } finally {
            posts.ended(start);
        }
    }

    private static boolean carriesPosts(XccosEnvelope envelope) {
        return envelope.elements().stream().anyMatch(element -> "grpchat".equals(element.kind()));
    }

    /**
     * True if the request was refused (and answered) because the server is behind: posts are
     * refused at random, none while both figures are within half their limits, a share that grows
     * to all as one of them reaches its limit, so that the posts let through do not come in bursts
     * each time a figure crosses its limit.
     */
    boolean refuses(SipServletRequest request, XccosEnvelope envelope, SipConnectionFactory connections) {
        if (!carriesPosts(envelope)) {
            return false;
        }
        long postMillis = posts.recentMillis();
        long queuedMillis = 0;
        if (share(postMillis, maxPostMillis) < 1) { // else refused whatever the queues say
            try (SipConnection connection = connections.getConnection()) {
                queuedMillis = connection.getDeliveryDelayMillis();
            } catch (ResourceException e) {
                // the container's queues cannot be measured: the posts' own times decide
            }
        }
        double share = Math.max(share(postMillis, maxPostMillis), share(queuedMillis, maxDelayMillis));
        if (share <= 0 || share < 1 && chance.getAsDouble() >= share) {
            return false;
        }
        SipServletResponse busy = request.createResponse(503,
                "Server busy (" + Math.max(postMillis, queuedMillis) + " ms behind); nothing was posted");
        busy.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        busy.send();
        return true;
    }

    /** The share of posts to refuse: none up to half the limit, then growing to all at the limit. */
    private static double share(long millis, long limit) {
        double half = limit / 2.0;
        return Math.min(1, Math.max(0, (millis - half) / half));
    }
}
