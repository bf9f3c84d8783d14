package org.openpchat.sip.container;

import java.time.Duration;

/**
 * How much the container lets a client fall behind before it cuts its connection: the messages
 * waiting to be written to one connection ({@code -Dopenpchat.sip.max-queued-messages}, default
 * {@value #DEFAULT_QUEUED}) and how long one write may block ({@code
 * -Dopenpchat.sip.write-stall-seconds}, default {@value #DEFAULT_STALL_SECONDS}).
 */
record WriteLimits(int maxQueued, Duration stall) {

    static final String QUEUED_PROPERTY = "openpchat.sip.max-queued-messages";
    static final String STALL_PROPERTY = "openpchat.sip.write-stall-seconds";
    static final int DEFAULT_QUEUED = 1000;
    static final int DEFAULT_STALL_SECONDS = 10;

    static WriteLimits configured() {
        return new WriteLimits(JvmOptions.positive(QUEUED_PROPERTY, DEFAULT_QUEUED),
                Duration.ofSeconds(JvmOptions.positive(STALL_PROPERTY, DEFAULT_STALL_SECONDS)));
    }
}
