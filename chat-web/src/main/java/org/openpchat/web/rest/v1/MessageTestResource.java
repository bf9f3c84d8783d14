package org.openpchat.web.rest.v1;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.openpchat.client.probe.ChatMessageProbe;
import org.openpchat.web.probe.MessageTest;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.JsonBody;
import org.openpchat.web.rest.support.JsonFields;

/** Test-CsPersistentChatMessage (see {@link MessageTest}). */
@Path("v1/health/message-test")
@RequestScoped
public class MessageTestResource {

    @Inject
    private Callers callers;
    @Inject
    private MessageTest test;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ChatMessageProbe.Result run(InputStream body) {
        callers.actor().requireAdministrator("run the message test");
        JsonFields json = JsonBody.read(body).allow("sender", "senderPassword", "receiver", "receiverPassword", "room",
                "registrarHost", "registrarPort", "stepTimeout").require("sender", "senderPassword", "receiver",
                        "receiverPassword", "room");
        return test.run(callers.actor(), new MessageTest.Parameters(json.string("sender", 400),
                json.string("senderPassword", 256), json.string("receiver", 400), json.string("receiverPassword", 256),
                json.string("room", 400), json.has("registrarHost") ? json.string("registrarHost", 255) : null,
                json.integer("registrarPort", 1, 65_535), json.duration("stepTimeout")));
    }
}
