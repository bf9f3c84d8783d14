package org.openpchat.web.rest.v1;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.directory.GroupView;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.Created;
import org.openpchat.web.rest.support.Etags;
import org.openpchat.web.rest.support.JsonBody;
import org.openpchat.web.rest.support.JsonFields;
import org.openpchat.web.rest.support.Queries;

/** Groups and their members (users, nested groups, OUs, domains). */
@Path("v1/groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {

    @EJB
    private DirectoryService directory;
    @Inject
    private Callers callers;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    @GET
    public List<GroupView> list(@QueryParam("filter") String filter, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        return directory.groups(callers.actor(), filter, Queries.offset(offset), Queries.limit(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        JsonFields json = JsonBody.read(body).allow("name", "displayName", "members").require("name");
        GroupView created = directory.createGroup(callers.actor(), json.string("name", 300),
                json.string("displayName", 256), json.principals("members"));
        return Created.at(uri, created.name(), created);
    }

    @GET
    @Path("{name}")
    public Response get(@PathParam("name") String name) {
        return Etags.ok(directory.group(callers.actor(), name));
    }

    @PATCH
    @Path("{name}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response update(@PathParam("name") String name, InputStream body) {
        JsonFields json = JsonBody.read(body).allow("displayName", "members");
        return Etags.ok(directory.updateGroup(callers.actor(), name, json.string("displayName", 256),
                json.listChange("members"), Etags.ifMatch(headers)));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        directory.removeGroup(callers.actor(), name);
        return Response.noContent().build();
    }
}
