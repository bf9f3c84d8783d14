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
        return new WriteLimits(positive(QUEUED_PROPERTY, DEFAULT_QUEUED),
                Duration.ofSeconds(positive(STALL_PROPERTY, DEFAULT_STALL_SECONDS)));
    }

    private static int positive(String property, int fallback) {
        String value = System.getProperty(property, Integer.toString(fallback)).strip();
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(property + " must be a whole number of at least 1, not " + value);
    }
}
