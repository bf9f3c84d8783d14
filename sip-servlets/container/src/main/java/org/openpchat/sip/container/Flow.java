package org.openpchat.sip.container;

/**
 * Where a message came from: the transport and the peer's address and port as seen on the
 * socket. Requests to a client go back along its flow (its TCP connection), because the
 * Contact of a client behind NAT is not routable.
 */
record Flow(String transport, String remoteAddr, int remotePort, String localAddr, int localPort) {
}
