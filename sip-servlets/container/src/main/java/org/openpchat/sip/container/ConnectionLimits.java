package org.openpchat.sip.container;

/**
 * How many TCP and TLS connections the container keeps open, the two transports together: from
 * one remote address ({@code -Dopenpchat.sip.max-connections-per-address}, default
 * {@value #DEFAULT_PER_ADDRESS}) and in all ({@code -Dopenpchat.sip.max-connections}, default
 * {@value #DEFAULT_TOTAL}). JAIN-SIP reads every connection on a thread of its own, so the total
 * also bounds those threads.
 */
record ConnectionLimits(int perAddress, int total) {

    static final String PER_ADDRESS_PROPERTY = "openpchat.sip.max-connections-per-address";
    static final String TOTAL_PROPERTY = "openpchat.sip.max-connections";
    static final int DEFAULT_PER_ADDRESS = 1000;
    static final int DEFAULT_TOTAL = 25000;
    static final ConnectionLimits DEFAULTS = new ConnectionLimits(DEFAULT_PER_ADDRESS, DEFAULT_TOTAL);

    ConnectionLimits {
        if (perAddress < 1 || total < 1) {
            throw new IllegalArgumentException("connection limits must be at least 1, not " + perAddress + " per address and "
                    + total + " in all");
        }
    }

    static ConnectionLimits configured() {
        return new ConnectionLimits(JvmOptions.positive(PER_ADDRESS_PROPERTY, DEFAULT_PER_ADDRESS),
                JvmOptions.positive(TOTAL_PROPERTY, DEFAULT_TOTAL));
    }
}
