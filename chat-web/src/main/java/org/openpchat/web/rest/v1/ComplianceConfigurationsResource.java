package org.openpchat.web.rest.v1;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
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
import org.openpchat.chat.application.compliance.ComplianceConfigurationChange;
import org.openpchat.chat.application.compliance.ComplianceConfigurationService;
import org.openpchat.chat.application.compliance.ComplianceConfigurationView;
import org.openpchat.chat.domain.compliance.ComplianceConfiguration;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.Created;
import org.openpchat.web.rest.support.Etags;
import org.openpchat.web.rest.support.JsonBody;
import org.openpchat.web.rest.support.JsonFields;

/** New-/Get-/Set-/Remove-CsPersistentChatComplianceConfiguration, and exporting now. */
@Path("v1/compliance-configurations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceConfigurationsResource {

    private static final String[] SETTINGS = {"adapterType", "adapterName", "adapterOutputDirectory", "runInterval",
        "oneChatRoomPerOutputFile", "addChatRoomDetails", "addUserDetails", "createFileAttachmentsManifest",
        "customConfiguration", "purgeAfterProcessing"};

    @EJB
    private ComplianceConfigurationService configurations;
    @Inject
    private Callers callers;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    @GET
    public List<ComplianceConfigurationView> list() {
        return configurations.views(callers.actor());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        JsonFields json = JsonBody.read(body).allow(SETTINGS, "identity").require("identity");
        ComplianceConfigurationView created = configurations.create(callers.actor(), json.string("identity", 300),
                change(json));
        return Created.at(uri, created.identity(), created);
    }

    @GET
    @Path("{identity}")
    public Response get(@PathParam("identity") String identity) {
        return Etags.ok(configurations.view(callers.actor(), identity));
    }

    @PATCH
    @Path("{identity}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response update(@PathParam("identity") String identity, InputStream body) {
        JsonFields json = JsonBody.read(body).allow(SETTINGS);
        return Etags.ok(configurations.update(callers.actor(), identity, change(json), Etags.ifMatch(headers)));
    }

    @DELETE
    @Path("{identity}")
    public Response delete(@PathParam("identity") String identity) {
        configurations.remove(callers.actor(), identity);
        return Response.noContent().build();
    }

    /** Exports every captured event not yet exported, now. */
    @POST
    @Path("{identity}:run")
    public Response run(@PathParam("identity") String identity) {
        int exported = configurations.runNow(callers.actor(), identity);
        return Response.ok(Json.createObjectBuilder().add("exported", exported).build().toString()).build();
    }

    private static ComplianceConfigurationChange change(JsonFields json) {
        return new ComplianceConfigurationChange(json.string("adapterType", 400), json.string("adapterName", 256),
                json.string("adapterOutputDirectory", 1000), json.duration("runInterval"),
                json.bool("oneChatRoomPerOutputFile"), json.bool("addChatRoomDetails"), json.bool("addUserDetails"),
                json.bool("createFileAttachmentsManifest"),
                json.string("customConfiguration", ComplianceConfiguration.MAX_CUSTOM_CONFIGURATION),
                json.bool("purgeAfterProcessing"));
    }
}
