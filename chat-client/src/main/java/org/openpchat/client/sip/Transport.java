package org.openpchat.client.sip;

import java.util.Locale;

/** The SIP transports the client speaks. */
public enum Transport {
    UDP, TCP;

    /** The lower-case name JAIN-SIP and URI parameters use ({@code "udp"}, {@code "tcp"}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code "udp"} or {@code "tcp"}, in any case. */
    public static Transport of(String name) {
        for (Transport t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("transport must be UDP or TCP: " + name);
    }
}
