package org.openpchat.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.openpchat.web.metrics.OperatorMetrics;

/** GET /api/metrics: this server's metrics in the Prometheus text format (counts only, no names). */
@Path("/metrics")
@RequestScoped
public class MetricsResource {

    @Inject
    private OperatorMetrics metrics;

    @GET
    @Produces(OperatorMetrics.CONTENT_TYPE)
    public String scrape() {
        return metrics.scrape();
    }
}
