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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.openpchat.chat.application.endpoint.EndpointService;
import org.openpchat.chat.application.endpoint.EndpointView;
import org.openpchat.chat.domain.endpoint.ChatEndpoint;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.Created;
import org.openpchat.web.rest.support.Etags;
import org.openpchat.web.rest.support.JsonBody;
import org.openpchat.web.rest.support.JsonFields;

/** New-/Get-/Remove-CsPersistentChatEndpoint. */
@Path("v1/endpoints")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EndpointsResource {

    @EJB
    private EndpointService endpoints;
    @Inject
    private Callers callers;
    @Context
    private UriInfo uri;

    @GET
    public List<EndpointView> list() {
        return endpoints.views(callers.actor());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        JsonFields json = JsonBody.read(body).allow("sipAddress", "displayName").require("sipAddress");
        EndpointView created = endpoints.create(callers.actor(), json.string("sipAddress", ChatEndpoint.MAX_ADDRESS),
                json.string("displayName", 256));
        return Created.at(uri, created.sipAddress(), created);
    }

    @GET
    @Path("{address}")
    public Response get(@PathParam("address") String address) {
        return Etags.ok(endpoints.view(callers.actor(), address));
    }

    @DELETE
    @Path("{address}")
    public Response delete(@PathParam("address") String address) {
        endpoints.remove(callers.actor(), address);
        return Response.noContent().build();
    }
}
