package org.openpchat.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openpchat.chat.application.health.HealthService;

/** GET /api/health: 200 when both databases answer, 503 otherwise. */
@Path("/health")
@RequestScoped
public class HealthResource {

    @EJB
    private HealthService health;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response check() {
        Map<String, String> databases = health.databases();
        boolean up = databases.values().stream().allMatch(state -> state.startsWith("UP"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("databases", databases);
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE).entity(body).build();
    }
}
