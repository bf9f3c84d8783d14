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
import org.openpchat.chat.application.category.CategoryChange;
import org.openpchat.chat.application.category.CategoryService;
import org.openpchat.chat.application.category.CategorySpec;
import org.openpchat.chat.application.category.CategoryView;
import org.openpchat.chat.application.directory.EligiblePrincipals;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.Created;
import org.openpchat.web.rest.support.Etags;
import org.openpchat.web.rest.support.JsonBody;
import org.openpchat.web.rest.support.JsonFields;
import org.openpchat.web.rest.support.Queries;

/** New-/Get-/Set-/Remove-CsPersistentChatCategory. */
@Path("v1/categories")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CategoriesResource {

    private static final String[] FIELDS = {"name", "description", "allowedMembers", "deniedMembers", "creators",
        "fileUpload", "invitations", "chatHistory"};

    @EJB
    private CategoryService categories;
    @EJB
    private EligiblePrincipals eligible;
    @Inject
    private Callers callers;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    @GET
    public List<CategoryView> list() {
        return categories.views(callers.actor());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        JsonFields json = JsonBody.read(body).allow(FIELDS).require("name");
        CategoryChange request = new CategoryChange(settings(json), json.initialList("allowedMembers"),
                json.initialList("deniedMembers"), json.initialList("creators"));
        CategoryView created = categories.create(callers.actor(), request);
        return Created.at(uri, created.name(), created);
    }

    @GET
    @Path("{name}")
    public Response get(@PathParam("name") String name) {
        return Etags.ok(categories.view(callers.actor(), name));
    }

    @PATCH
    @Path("{name}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response update(@PathParam("name") String name, InputStream body) {
        JsonFields json = JsonBody.read(body).allow(FIELDS);
        CategoryChange change = new CategoryChange(settings(json), json.listChange("allowedMembers"),
                json.listChange("deniedMembers"), json.listChange("creators"));
        return Etags.ok(categories.update(callers.actor(), name, change, Etags.ifMatch(headers)));
    }

    /** Get-CsPersistentChatEligiblePrincipal: the users who may be members or managers of its rooms. */
    @GET
    @Path("{name}/eligible-principals")
    public List<String> eligible(@PathParam("name") String name, @QueryParam("filter") String filter,
            @QueryParam("limit") String limit) {
        return eligible.forCategory(callers.actor(), name, filter, Queries.eligibleLimit(limit));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        categories.delete(callers.actor(), name);
        return Response.noContent().build();
    }

    private static CategorySpec settings(JsonFields json) {
        return new CategorySpec(json.string("name", Category.MAX_NAME),
                json.string("description", Category.MAX_DESCRIPTION), json.bool("fileUpload"),
                json.bool("invitations"), json.bool("chatHistory"));
    }
}
