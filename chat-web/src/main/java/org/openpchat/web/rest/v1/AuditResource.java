package org.openpchat.web.rest.v1;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.openpchat.chat.application.audit.AuditService;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.Queries;

/** The audit log: every change made through the API, oldest first. */
@Path("v1/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @EJB
    private AuditService audit;
    @Inject
    private Callers callers;

    @GET
    public List<AuditEntryJson> since(@QueryParam("since") String since, @QueryParam("limit") String limit) {
        return audit.since(callers.actor(), Queries.instant("since", since), Queries.limit(limit)).stream()
                .map(AuditEntryJson::of).toList();
    }
}
