package org.openpchat.chat.sip.auth;

import java.util.Locale;
import org.openpchat.sip.servlet.SipServletMessage;

/**
 * The connection a request came over: transport, remote address and port. SIPE authenticates
 * its REGISTER only and then sends everything over the same connection, so trust is per flow.
 */
public record Flow(String transport, String address, int port) {

    public static Flow of(SipServletMessage message) {
        String transport = message.getTransport() == null ? "udp" : message.getTransport().toLowerCase(Locale.ROOT);
        return new Flow(transport, message.getRemoteAddr(), message.getRemotePort());
    }

    @Override
    public String toString() {
        return transport + ":" + address + ":" + port;
    }
}
