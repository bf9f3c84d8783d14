package org.openpchat.web.probe;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.client.probe.ChatMessageProbe;
import org.openpchat.client.sip.Transport;
import org.openpchat.web.rest.support.BadRequest;

/**
 * Test-CsPersistentChatMessage, for the API and the console: two users sign in over this
 * server's own SIP listener, join a room, one posts and the other must receive it; every step is
 * reported with its duration. Only this server's listener (or another loopback port, to see a
 * failure) may be the target: the test is not a way to make the server connect elsewhere.
 */
@ApplicationScoped
public class MessageTest {

    static final String SIP_HOST = "openpchat.sip.host";
    static final String SIP_PORT = "openpchat.sip.port";
    static final Duration MAX_STEP_TIMEOUT = Duration.ofMinutes(1);

    /**
     * What to test. A null registrar host or port is this server's SIP listener; a null step
     * timeout the probe's default.
     */
    public record Parameters(String sender, String senderPassword, String receiver, String receiverPassword,
            String room, String registrarHost, Integer registrarPort, Duration stepTimeout) {

        public static Parameters of(String sender, String senderPassword, String receiver, String receiverPassword,
                String room) {
            return new Parameters(sender, senderPassword, receiver, receiverPassword, room, null, null, null);
        }

        /** The passwords are left out. */
        @Override
        public String toString() {
            return "Parameters[" + sender + " to " + receiver + " in " + room + " via " + registrarHost + ":"
                    + registrarPort + "]";
        }
    }

    public ChatMessageProbe.Result run(Actor actor, Parameters parameters) {
        actor.requireAdministrator("run the message test");
        String listener = System.getProperty(SIP_HOST, "127.0.0.1");
        String host = parameters.registrarHost() != null ? parameters.registrarHost() : listener;
        if (!host.equals(listener) && !isLoopback(host)) {
            throw new BadRequest("registrarHost", "must be this server's SIP listener (" + listener
                    + ") or a loopback address");
        }
        Duration stepTimeout = parameters.stepTimeout();
        if (stepTimeout != null && (stepTimeout.isNegative() || stepTimeout.compareTo(MAX_STEP_TIMEOUT) > 0)) {
            throw new BadRequest("stepTimeout", "must be between PT0.1S and PT1M");
        }
        int port = parameters.registrarPort() != null ? parameters.registrarPort() : Integer.getInteger(SIP_PORT, 5060);
        ChatMessageProbe.Request request;
        try {
            request = new ChatMessageProbe.Request(host, port, Transport.TCP, null, parameters.sender(),
                    parameters.senderPassword(), parameters.receiver(), parameters.receiverPassword(),
                    parameters.room(), stepTimeout);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadRequest(null, e.getMessage());
        }
        String localHost = isLoopback(host) ? "127.0.0.1" : listener;
        return new ChatMessageProbe(localHost).run(request);
    }

    /** {@code localhost} or a loopback address literal; no other name is looked up. */
    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
