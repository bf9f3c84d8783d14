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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.openpchat.chat.application.policy.ConfigurationChange;
import org.openpchat.chat.application.policy.ConfigurationView;
import org.openpchat.chat.application.policy.PolicyService;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.Created;
import org.openpchat.web.rest.support.Etags;
import org.openpchat.web.rest.support.JsonBody;
import org.openpchat.web.rest.support.JsonFields;

/** New-/Get-/Set-/Remove-CsPersistentChatConfiguration. */
@Path("v1/configurations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConfigurationsResource {

    private static final String[] SETTINGS = {"defaultChatHistory", "maxFileSizeKB", "participantUpdateLimit",
        "roomManagementUrl"};

    @EJB
    private PolicyService policies;
    @Inject
    private Callers callers;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    @GET
    public List<ConfigurationView> list() {
        return policies.configurationViews(callers.actor());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        JsonFields json = JsonBody.read(body).allow(SETTINGS, "identity").require("identity");
        ConfigurationView created = policies.createConfiguration(callers.actor(), json.string("identity", 300),
                change(json));
        return Created.at(uri, created.identity(), created);
    }

    @GET
    @Path("{identity}")
    public Response get(@PathParam("identity") String identity) {
        return Etags.ok(policies.configuration(callers.actor(), identity));
    }

    @PATCH
    @Path("{identity}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response update(@PathParam("identity") String identity, InputStream body) {
        JsonFields json = JsonBody.read(body).allow(SETTINGS);
        return Etags.ok(policies.updateConfiguration(callers.actor(), identity, change(json), Etags.ifMatch(headers)));
    }

    @DELETE
    @Path("{identity}")
    public Response delete(@PathParam("identity") String identity) {
        policies.removeConfiguration(callers.actor(), identity);
        return Response.noContent().build();
    }

    private static ConfigurationChange change(JsonFields json) {
        return new ConfigurationChange(json.integer("defaultChatHistory", 1, 500),
                json.integer("maxFileSizeKB", 1, 2_097_152), json.integer("participantUpdateLimit", 0, 100_000),
                json.string("roomManagementUrl", 2000));
    }
}
