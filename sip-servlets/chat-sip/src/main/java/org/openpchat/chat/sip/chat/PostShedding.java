package org.openpchat.chat.sip.chat;

import jakarta.resource.ResourceException;
import java.util.function.Supplier;
import org.openpchat.chat.sip.xccos.XccosEnvelope;
import org.openpchat.sip.servlet.SipConnection;
import org.openpchat.sip.servlet.SipConnectionFactory;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;

/**
 * Graceful overload: while the server is behind, an INFO carrying posts is refused with {@code 503}
 * and {@code Retry-After} before anything in it is carried out. Behind means either of two
 * figures above its limit: how long messages wait in the SIP container's queues, in and out
 * ({@link SipConnection#getDeliveryDelayMillis()}; {@code -Dopenpchat.sip.max-delivery-delay-ms},
 * default {@value #DEFAULT_MAX_DELAY_MILLIS}), and how long posts take to be carried out
 * ({@link RecentPostTimes}, shared by every instance of the servlet; {@code
 * -Dopenpchat.chat.max-post-time-ms}, default {@value #DEFAULT_MAX_POST_MILLIS}). The posts already
 * accepted keep their latency instead of every post becoming late; commands (joins, history) still
 * run, since they are what a client needs to recover.
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

    PostShedding(long maxDelayMillis, long maxPostMillis, RecentPostTimes posts) {
        this.maxDelayMillis = maxDelayMillis;
        this.maxPostMillis = maxPostMillis;
        this.posts = posts;
    }

    static PostShedding configured() {
        return new PostShedding(ChatOptions.positive(PROPERTY, DEFAULT_MAX_DELAY_MILLIS),
                ChatOptions.positive(POST_TIME_PROPERTY, DEFAULT_MAX_POST_MILLIS), POSTS);
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

    /** True if the request was refused (and answered) because the server is behind. */
    boolean refuses(SipServletRequest request, XccosEnvelope envelope, SipConnectionFactory connections) {
        if (!carriesPosts(envelope)) {
            return false;
        }
        long behind = posts.recentMillis();
        if (behind <= maxPostMillis) {
            try (SipConnection connection = connections.getConnection()) {
                long queued = connection.getDeliveryDelayMillis();
                behind = queued > maxDelayMillis ? queued : 0;
            } catch (ResourceException e) {
                behind = 0; // the container's queues cannot be measured: the posts' own times decide
            }
        }
        if (behind == 0) {
            return false;
        }
        SipServletResponse busy = request.createResponse(503,
                "Server busy (" + behind + " ms behind); nothing was posted");
        busy.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        busy.send();
        return true;
    }
}
