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
import org.openpchat.chat.application.addin.AddinService;
import org.openpchat.chat.application.addin.AddinView;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.Created;
import org.openpchat.web.rest.support.Etags;
import org.openpchat.web.rest.support.JsonBody;
import org.openpchat.web.rest.support.JsonFields;
import org.openpchat.web.rest.support.Queries;

/** New-/Get-/Set-/Remove-CsPersistentChatAddin. */
@Path("v1/addins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AddinsResource {

    @EJB
    private AddinService addins;
    @Inject
    private Callers callers;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    @GET
    public List<AddinView> list() {
        return addins.views(callers.actor());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        JsonFields json = JsonBody.read(body).allow("name", "url").require("name", "url");
        AddinView created = addins.create(callers.actor(), json.string("name", 256), json.string("url", 2000));
        return Created.at(uri, created.name(), created);
    }

    @GET
    @Path("{name}")
    public Response get(@PathParam("name") String name) {
        return Etags.ok(addins.view(callers.actor(), name));
    }

    @PATCH
    @Path("{name}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response update(@PathParam("name") String name, InputStream body) {
        JsonFields json = JsonBody.read(body).allow("name", "url");
        return Etags.ok(addins.update(callers.actor(), name, json.string("name", 256), json.string("url", 2000),
                Etags.ifMatch(headers)));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name, @QueryParam("force") @DefaultValue("false") String force) {
        addins.delete(callers.actor(), name, Queries.bool("force", force));
        return Response.noContent().build();
    }
}
