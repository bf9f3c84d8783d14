package org.openpchat.web.rest.v1;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.openpchat.chat.application.chat.ChatService;
import org.openpchat.chat.application.chat.HistoryService;
import org.openpchat.chat.application.chat.ModerationService;
import org.openpchat.chat.application.chat.RoomMessage;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.web.rest.support.BadRequest;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.JsonBody;
import org.openpchat.web.rest.support.JsonFields;
import org.openpchat.web.rest.support.Queries;

/**
 * A room's history and posts for any signed-in principal, within the rights it has over SIP;
 * Remove-CsPersistentChatMessage for administrators.
 */
@Path("v1/rooms/{room}/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RoomMessagesResource {

    @EJB
    private HistoryService history;
    @EJB
    private ChatService chat;
    @EJB
    private ModerationService moderation;
    @Inject
    private Callers callers;
    @Context
    private UriInfo uri;

    @GET
    public List<RoomMessage> page(@PathParam("room") String room, @QueryParam("before") String before,
            @QueryParam("after") String after, @QueryParam("limit") String limit) {
        int count = limit == null ? 0 : Queries.integer("limit", limit, 1, HistoryService.MAX_PAGE);
        return history.page(callers.actor(), room, Queries.messageId("before", before),
                Queries.messageId("after", after), count);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("room") String room, InputStream body) {
        JsonFields json = JsonBody.read(body).allow("content").require("content");
        RoomMessage posted = chat.post(callers.actor(), room, json.string("content", ChatMessage.MAX_CONTENT));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(posted.id())).build())
                .entity(posted).build();
    }

    @GET
    @Path("{id}")
    public RoomMessage get(@PathParam("room") String room, @PathParam("id") String id) {
        return moderation.find(callers.actor(), room, messageId(id));
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("room") String room, @PathParam("id") String id) {
        moderation.remove(callers.actor(), room, messageId(id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}:replace")
    @Consumes(MediaType.APPLICATION_JSON)
    public RoomMessage replace(@PathParam("room") String room, @PathParam("id") String id, InputStream body) {
        JsonFields json = JsonBody.read(body).allow("content");
        return moderation.replace(callers.actor(), room, messageId(id), json.string("content", ChatMessage.MAX_CONTENT));
    }

    private static long messageId(String text) {
        Long id = Queries.messageId("id", text);
        if (id == null) {
            throw new BadRequest("id", "a message id is a positive number");
        }
        return id;
    }
}
