package org.openpchat.web.rest.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.openpchat.chat.application.job.JobView;

/** 202 Accepted with the address of the job to follow. */
@RequestScoped
public class JobResponses {

    @Context
    private UriInfo uri;

    public Response accepted(JobView job) {
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("v1/jobs/{id}").build(job.id())).build();
    }
}
