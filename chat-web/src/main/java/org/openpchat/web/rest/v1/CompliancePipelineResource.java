package org.openpchat.web.rest.v1;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.openpchat.chat.application.compliance.CompliancePipeline;
import org.openpchat.chat.application.compliance.PipelineView;
import org.openpchat.web.rest.support.Callers;

/** Where the compliance events are: outbox, unexported, dead letters, last export. */
@Path("v1/compliance-pipeline")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CompliancePipelineResource {

    @EJB
    private CompliancePipeline pipeline;
    @Inject
    private Callers callers;

    @GET
    public PipelineView status() {
        return pipeline.status(callers.actor());
    }
}
