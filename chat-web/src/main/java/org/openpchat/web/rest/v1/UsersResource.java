package org.openpchat.web.rest.v1;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.Set;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.directory.UserChange;
import org.openpchat.chat.application.directory.UserView;
import org.openpchat.chat.application.policy.PolicyService;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.Created;
import org.openpchat.web.rest.support.Etags;
import org.openpchat.web.rest.support.JsonBody;
import org.openpchat.web.rest.support.JsonFields;
import org.openpchat.web.rest.support.Queries;
import org.openpchat.web.security.VerifiedPasswords;

/** Users, their passwords and groups, and Grant-CsPersistentChatPolicy. */
@Path("v1/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @EJB
    private DirectoryService directory;
    @EJB
    private PolicyService policies;
    @Inject
    private Callers callers;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    @GET
    public List<UserView> list(@QueryParam("filter") String filter, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        return directory.users(callers.actor(), filter, Queries.offset(offset), Queries.limit(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        JsonFields json = JsonBody.read(body).allow("uri", "displayName", "password", "groups", "organizationalUnit",
                "site").require("uri");
        Set<PrincipalId> groups = json.principals("groups", "group");
        UserChange request = new UserChange(json.string("displayName", 256), json.string("password", 256),
                json.string("organizationalUnit", 400), json.string("site", 128),
                groups == null ? null : AccessList.replacing(groups));
        UserView created = directory.createUser(callers.actor(), json.string("uri", 400), request);
        return Created.at(uri, created.uri(), created);
    }

    @GET
    @Path("{uri}")
    public Response get(@PathParam("uri") String user) {
        return Etags.ok(directory.user(callers.actor(), user));
    }

    @PATCH
    @Path("{uri}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response update(@PathParam("uri") String user, InputStream body) {
        JsonFields json = JsonBody.read(body).allow("displayName", "password", "groups", "organizationalUnit", "site");
        UserChange change = new UserChange(json.string("displayName", 256), json.string("password", 256),
                json.string("organizationalUnit", 400), json.string("site", 128), json.listChange("groups", "group"));
        return Etags.ok(directory.updateUser(callers.actor(), user, change, Etags.ifMatch(headers)));
    }

    @DELETE
    @Path("{uri}")
    public Response delete(@PathParam("uri") String user) {
        directory.removeUser(callers.actor(), user);
        return Response.noContent().build();
    }

    /** Grant-CsPersistentChatPolicy: {@code {"policyName": "Pilot"}}, or null to take it back. */
    @PUT
    @Path("{uri}/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(@PathParam("uri") String user, InputStream body) {
        JsonFields json = JsonBody.read(body).allow("policyName");
        policies.grantPolicy(callers.actor(), user, json.string("policyName", 300));
        return Etags.ok(directory.user(callers.actor(), user));
    }
}
