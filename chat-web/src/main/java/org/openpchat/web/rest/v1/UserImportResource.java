package org.openpchat.web.rest.v1;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.openpchat.chat.application.directory.UserImportService;
import org.openpchat.chat.application.job.JobView;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.JobResponses;

/** Bulk import of users and group memberships from CSV (see {@link UserCsv} for the columns). */
@Path("v1/users:import")
@RequestScoped
public class UserImportResource {

    @EJB
    private UserImportService imports;
    @Inject
    private Callers callers;
    @Inject
    private JobResponses jobs;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importUsers(InputStream csv) {
        callers.actor().requireAdministrator("import users");
        JobView job = imports.start(callers.actor(), UserCsv.read(csv));
        return jobs.accepted(job);
    }
}
