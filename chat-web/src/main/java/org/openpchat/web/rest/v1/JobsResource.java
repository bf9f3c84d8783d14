package org.openpchat.web.rest.v1;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.openpchat.chat.application.job.JobView;
import org.openpchat.chat.application.job.Jobs;
import org.openpchat.web.rest.support.Callers;

/** Long-running jobs (exports, imports): their progress, and an export's archive. */
@Path("v1/jobs/{id}")
@RequestScoped
public class JobsResource {

    /** The file name an export's archive is downloaded as, from the API and the console. */
    public static final String ARCHIVE_NAME = "pchat-export-%s.zip";

    @EJB
    private Jobs jobs;
    @Inject
    private Callers callers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JobView get(@PathParam("id") String id) {
        return jobs.find(callers.actor(), id).view();
    }

    @GET
    @Path("archive")
    @Produces("application/zip")
    public Response archive(@PathParam("id") String id) {
        return Response.ok(jobs.archive(callers.actor(), id).toFile(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + ARCHIVE_NAME.formatted(id) + "\"").build();
    }
}
