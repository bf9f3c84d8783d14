package org.openpchat.client.sip;

import java.util.Locale;

/** The SIP transports the client speaks. */
public enum Transport {
    UDP, TCP, TLS;

    /** The lower-case name JAIN-SIP and URI parameters use ({@code "udp"}, {@code "tcp"}, {@code "tls"}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the transport is a connection (TCP, TLS). */
    public boolean isConnection() {
        return this != UDP;
    }

    /** {@code "udp"}, {@code "tcp"} or {@code "tls"}, in any case. */
    public static Transport of(String name) {
        for (Transport t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("transport must be UDP, TCP or TLS: " + name);
    }
}
