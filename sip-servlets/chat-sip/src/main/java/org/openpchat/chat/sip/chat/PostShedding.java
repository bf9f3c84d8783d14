package org.openpchat.chat.sip.chat;

import jakarta.resource.ResourceException;
import org.openpchat.chat.sip.xccos.XccosEnvelope;
import org.openpchat.sip.servlet.SipConnection;
import org.openpchat.sip.servlet.SipConnectionFactory;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;

/**
 * Graceful overload: while the container runs more than {@code -Dopenpchat.sip.max-delivery-delay-ms}
 * (default {@value #DEFAULT_MAX_DELAY_MILLIS}) behind ({@link SipConnection#getDeliveryDelayMillis()}:
 * how long messages wait in its queues, in and out), an INFO carrying posts is refused with {@code 503} and {@code Retry-After} before anything in it is
 * carried out. The posts already accepted keep their latency instead of every post becoming late;
 * commands (joins, history) still run, since they are what a client needs to recover.
 */
final class PostShedding {

    static final String PROPERTY = "openpchat.sip.max-delivery-delay-ms";
    static final int DEFAULT_MAX_DELAY_MILLIS = 200;
    private static final String RETRY_AFTER_SECONDS = "1";

    private final long maxDelayMillis;

    PostShedding(long maxDelayMillis) {
        this.maxDelayMillis = maxDelayMillis;
    }

    static PostShedding configured() {
        return new PostShedding(ChatOptions.positive(PROPERTY, DEFAULT_MAX_DELAY_MILLIS));
    }

    /** True if the request was refused (and answered) because the container is behind. */
    boolean refuses(SipServletRequest request, XccosEnvelope envelope, SipConnectionFactory connections) {
        if (envelope.elements().stream().noneMatch(element -> "grpchat".equals(element.kind()))) {
            return false;
        }
        long delay;
        try (SipConnection connection = connections.getConnection()) {
            delay = connection.getDeliveryDelayMillis();
        } catch (ResourceException e) {
            return false; // nothing to measure with: the post goes ahead
        }
        if (delay <= maxDelayMillis) {
            return false;
        }
        SipServletResponse busy = request.createResponse(503,
                "Server busy (" + delay + " ms behind); nothing was posted");
        busy.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        busy.send();
        return true;
    }
}
