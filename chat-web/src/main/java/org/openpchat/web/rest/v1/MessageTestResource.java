package org.openpchat.web.rest.v1;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.openpchat.client.probe.ChatMessageProbe;
import org.openpchat.client.sip.Transport;
import org.openpchat.web.rest.support.BadRequest;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.JsonBody;
import org.openpchat.web.rest.support.JsonFields;

/**
 * Test-CsPersistentChatMessage: two users sign in over this server's own SIP listener, join a
 * room, one posts and the other must receive it; every step is reported with its duration. Only
 * this server's listener (or another loopback port, to see a failure) may be the target: the
 * test is not a way to make the server connect elsewhere.
 */
@Path("v1/health/message-test")
@RequestScoped
public class MessageTestResource {

    static final String SIP_HOST = "openpchat.sip.host";
    static final String SIP_PORT = "openpchat.sip.port";
    /** The resource adapter's own setting: GlassFish names a key store but not its password. */
    static final String KEY_STORE_PASSWORD = "openpchat.sip.keyStorePassword";

    @Inject
    private Callers callers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ChatMessageProbe.Result run(InputStream body) {
        callers.actor().requireAdministrator("run the message test");
        JsonFields json = JsonBody.read(body).allow("sender", "senderPassword", "receiver", "receiverPassword", "room",
                "registrarHost", "registrarPort", "stepTimeout").require("sender", "senderPassword", "receiver",
                        "receiverPassword", "room");
        String listener = System.getProperty(SIP_HOST, "127.0.0.1");
        String host = json.has("registrarHost") ? json.string("registrarHost", 255) : listener;
        if (!host.equals(listener) && !isLoopback(host)) {
            throw new BadRequest("registrarHost", "must be this server's SIP listener (" + listener
                    + ") or a loopback address");
        }
        Integer port = json.integer("registrarPort", 1, 65_535);
        Duration stepTimeout = json.duration("stepTimeout");
        if (stepTimeout != null && (stepTimeout.isNegative() || stepTimeout.compareTo(Duration.ofMinutes(1)) > 0)) {
            throw new BadRequest("stepTimeout", "must be between PT0.1S and PT1M");
        }
        ChatMessageProbe.Request request;
        try {
            request = new ChatMessageProbe.Request(host, port != null ? port : Integer.getInteger(SIP_PORT, 5060),
                    Transport.TCP, null, json.string("sender", 400), json.string("senderPassword", 256),
                    json.string("receiver", 400), json.string("receiverPassword", 256), json.string("room", 400),
                    stepTimeout);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(null, e.getMessage());
        }
        String localHost = isLoopback(host) ? "127.0.0.1" : listener;
        return new ChatMessageProbe(localHost, System.getProperty(KEY_STORE_PASSWORD, "changeit")).run(request);
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
