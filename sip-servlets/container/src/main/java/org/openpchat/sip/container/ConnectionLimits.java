package org.openpchat.sip.container;

/**
 * How many TCP and TLS connections the container keeps open, the two transports together: from
 * one remote address ({@code -Dopenpchat.sip.max-connections-per-address}, default
 * {@value #DEFAULT_PER_ADDRESS}) and in all ({@code -Dopenpchat.sip.max-connections}, default
 * {@value #DEFAULT_TOTAL}). The total stays {@value #RESERVED_DESCRIPTORS} below the process's
 * limit on open files ({@link #withinDescriptors}): a listener that runs out of descriptors
 * cannot even accept a connection to refuse it, and GlassFish needs files and sockets of its own.
 */
record ConnectionLimits(int perAddress, int total) {

    static final String PER_ADDRESS_PROPERTY = "openpchat.sip.max-connections-per-address";
    static final String TOTAL_PROPERTY = "openpchat.sip.max-connections";
    static final int DEFAULT_PER_ADDRESS = 1000;
    static final int DEFAULT_TOTAL = 25000;
    static final int RESERVED_DESCRIPTORS = 2000;
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

    /** These limits, the total lowered to leave {@value #RESERVED_DESCRIPTORS} of {@code maxDescriptors} (≤ 0: unknown). */
    ConnectionLimits withinDescriptors(long maxDescriptors) {
        if (maxDescriptors <= 0 || total <= maxDescriptors - RESERVED_DESCRIPTORS) {
            return this;
        }
        int lowered = (int) Math.max(1, maxDescriptors - RESERVED_DESCRIPTORS);
        return new ConnectionLimits(Math.min(perAddress, lowered), lowered);
    }

    /** The configured limits within this process's open-file limit, with a warning where that lowered them. */
    static ConnectionLimits forThisProcess() {
        ConnectionLimits configured = configured();
        long descriptors = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
        ConnectionLimits limits = configured.withinDescriptors(descriptors);
        if (!limits.equals(configured)) {
            java.util.logging.Logger.getLogger(ConnectionLimits.class.getName()).warning("SIP keeps at most "
                    + limits.total() + " connections, not " + configured.total() + " (-D" + TOTAL_PROPERTY
                    + "): the process may open " + descriptors + " files (ulimit -n), and " + RESERVED_DESCRIPTORS
                    + " stay for the rest of the server");
        }
        return limits;
    }
}
