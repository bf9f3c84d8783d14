package org.openpchat.chat.sip.auth;

import java.util.Locale;
import org.openpchat.sip.servlet.SipServletMessage;

/**
 * The connection a request came over: the socket's transport, the remote address and port, and
 * the container's number for the TCP or TLS connection (0 for UDP). SIPE authenticates its
 * REGISTER only and then sends everything over the same connection, so trust is per connection;
 * a later connection from the same address and port is another flow.
 */
public record Flow(String transport, String address, int port, long connection) {

    public static Flow of(SipServletMessage message) {
        String transport = message.getTransport() == null ? "udp" : message.getTransport().toLowerCase(Locale.ROOT);
        return new Flow(transport, message.getRemoteAddr(), message.getRemotePort(), message.getConnectionId());
    }

    /** UDP: no connection, so nothing can be bound to it; anyone can send from any address and port. */
    public boolean connectionless() {
        return connection == 0;
    }

    @Override
    public String toString() {
        return transport + ":" + address + ":" + port + (connectionless() ? "" : "#" + connection);
    }
}
