package org.openpchat.web.rest.v1;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.openpchat.chat.application.policy.PolicyService;
import org.openpchat.chat.application.policy.PolicyView;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.Created;
import org.openpchat.web.rest.support.Etags;
import org.openpchat.web.rest.support.JsonBody;
import org.openpchat.web.rest.support.JsonFields;
import org.openpchat.web.rest.support.Queries;

/** New-/Get-/Set-/Remove-CsPersistentChatPolicy. */
@Path("v1/policies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PoliciesResource {

    @EJB
    private PolicyService policies;
    @Inject
    private Callers callers;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    @GET
    public List<PolicyView> list() {
        return policies.policyViews(callers.actor());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        JsonFields json = JsonBody.read(body).allow("identity", "enablePersistentChat", "description")
                .require("identity");
        Boolean enable = json.bool("enablePersistentChat");
        PolicyView created = policies.createPolicy(callers.actor(), json.string("identity", 300),
                enable != null && enable, json.string("description", 1024));
        return Created.at(uri, created.identity(), created);
    }

    @GET
    @Path("{identity}")
    public Response get(@PathParam("identity") String identity) {
        return Etags.ok(policies.policy(callers.actor(), identity));
    }

    @PATCH
    @Path("{identity}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response update(@PathParam("identity") String identity, InputStream body) {
        JsonFields json = JsonBody.read(body).allow("enablePersistentChat", "description");
        return Etags.ok(policies.updatePolicy(callers.actor(), identity, json.bool("enablePersistentChat"),
                json.string("description", 1024), Etags.ifMatch(headers)));
    }

    @DELETE
    @Path("{identity}")
    public Response delete(@PathParam("identity") String identity,
            @QueryParam("force") @DefaultValue("false") String force) {
        policies.removePolicy(callers.actor(), identity, Queries.bool("force", force));
        return Response.noContent().build();
    }
}
