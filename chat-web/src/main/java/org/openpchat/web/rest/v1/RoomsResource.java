package org.openpchat.web.rest.v1;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.openpchat.chat.application.chat.ModerationService;
import org.openpchat.chat.application.directory.EligiblePrincipals;
import org.openpchat.chat.application.room.RoomChange;
import org.openpchat.chat.application.room.RoomQuery;
import org.openpchat.chat.application.room.RoomService;
import org.openpchat.chat.application.room.RoomSpec;
import org.openpchat.chat.application.room.RoomView;
import org.openpchat.chat.domain.room.InvitationSetting;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomType;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.Created;
import org.openpchat.web.rest.support.Etags;
import org.openpchat.web.rest.support.JsonBody;
import org.openpchat.web.rest.support.JsonFields;
import org.openpchat.web.rest.support.Queries;

/** New-/Get-/Set-/Remove-/Clear-CsPersistentChatRoom. */
@Path("v1/rooms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RoomsResource {

    private static final String[] FIELDS = {"name", "description", "category", "privacy", "type", "members",
        "managers", "presenters", "disabled", "invitations", "addin"};

    @EJB
    private RoomService rooms;
    @EJB
    private ModerationService moderation;
    @EJB
    private EligiblePrincipals eligible;
    @Inject
    private Callers callers;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    @GET
    public List<RoomView> list(@QueryParam("category") String category, @QueryParam("manager") String manager,
            @QueryParam("member") String member, @QueryParam("disabled") String disabled,
            @QueryParam("privacy") String privacy, @QueryParam("type") String type,
            @QueryParam("addin") String addin, @QueryParam("filter") String filter,
            @QueryParam("searchDescription") @DefaultValue("false") String searchDescription,
            @QueryParam("limit") String limit) {
        RoomQuery query = new RoomQuery(filter, Queries.bool("searchDescription", searchDescription),
                category, Queries.enumValue("privacy", privacy, Privacy.class),
                Queries.enumValue("type", type, RoomType.class), disabled == null ? null : Queries.bool("disabled", disabled),
                Queries.principal("manager", manager), Queries.principal("member", member), addin,
                Queries.limit(limit));
        return rooms.query(callers.actor(), query);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        JsonFields json = JsonBody.read(body).allow(FIELDS).require("name", "category");
        RoomChange request = new RoomChange(settings(json), json.initialList("members"),
                json.initialList("managers"), json.initialList("presenters"));
        RoomView created = rooms.create(callers.actor(), request);
        return Created.at(uri, created.name(), created);
    }

    @GET
    @Path("{name}")
    public Response get(@PathParam("name") String name) {
        return Etags.ok(rooms.view(callers.actor(), name));
    }

    @PATCH
    @Path("{name}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response update(@PathParam("name") String name, InputStream body) {
        JsonFields json = JsonBody.read(body).allow(FIELDS);
        RoomChange change = new RoomChange(settings(json), json.listChange("members"), json.listChange("managers"),
                json.listChange("presenters"));
        return Etags.ok(rooms.update(callers.actor(), name, change, Etags.ifMatch(headers)));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        rooms.delete(callers.actor(), name);
        return Response.noContent().build();
    }

    /**
     * Get-CsPersistentChatEligiblePrincipal: the users who may be members or managers of the room,
     * or with {@code presenters=true} presenters of an auditorium.
     */
    @GET
    @Path("{name}/eligible-principals")
    public List<String> eligible(@PathParam("name") String name, @QueryParam("filter") String filter,
            @QueryParam("presenters") @DefaultValue("false") String presenters, @QueryParam("limit") String limit) {
        return eligible.forRoom(callers.actor(), name, Queries.bool("presenters", presenters), filter,
                Queries.eligibleLimit(limit));
    }

    /** Clear-CsPersistentChatRoom. */
    @POST
    @Path("{name}:clear")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response clear(@PathParam("name") String name, InputStream body) {
        JsonFields json = JsonBody.read(body).allow("before").require("before");
        int removed = moderation.clear(callers.actor(), name, json.instant("before"));
        return Response.ok(Json.createObjectBuilder().add("removed", removed).build().toString()).build();
    }

    private static RoomSpec settings(JsonFields json) {
        return new RoomSpec(json.string("name", Room.MAX_NAME), json.string("description", Room.MAX_DESCRIPTION),
                json.string("category", Room.MAX_NAME), json.enumValue("privacy", Privacy.class),
                json.enumValue("type", RoomType.class), json.enumValue("invitations", InvitationSetting.class),
                json.bool("disabled"), json.string("addin", 256));
    }
}
