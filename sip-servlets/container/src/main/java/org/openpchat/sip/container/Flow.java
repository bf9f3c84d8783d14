package org.openpchat.sip.container;

/**
 * Where a message came from: the transport and the peer's address and port as seen on the
 * socket, and for TCP and TLS the number of the connection (0 for UDP, which has none). Requests
 * to a client go back along its flow (its TCP connection), because the Contact of a client behind
 * NAT is not routable.
 */
record Flow(String transport, String remoteAddr, int remotePort, String localAddr, int localPort, long connection) {

    /** True if {@code other} came over this flow: the same connection, or for UDP the same peer. */
    boolean carries(Flow other) {
        return other != null && transport.equalsIgnoreCase(other.transport) && java.util.Objects.equals(remoteAddr, other.remoteAddr)
                && remotePort == other.remotePort && connection == other.connection;
    }
}
