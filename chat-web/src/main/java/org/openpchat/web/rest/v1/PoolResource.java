package org.openpchat.web.rest.v1;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.openpchat.chat.application.pool.PoolAdministration;
import org.openpchat.chat.application.pool.PoolChange;
import org.openpchat.chat.application.pool.PoolStateView;
import org.openpchat.chat.domain.pool.PoolSettings;
import org.openpchat.chat.domain.pool.PoolState;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.web.rest.support.BadRequest;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.Etags;
import org.openpchat.web.rest.support.JsonBody;
import org.openpchat.web.rest.support.JsonFields;
import org.openpchat.web.rest.support.NameListChange;

/**
 * Get-CsPersistentChatState ({@code GET}), Set-CsPersistentChatState and
 * Set-CsPersistentChatActiveServer ({@code PATCH}). The ETag is that of the settings (state and
 * active servers), not of the nodes' figures, which change every second.
 */
@Path("v1/pool")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PoolResource {

    @EJB
    private PoolAdministration pool;
    @Inject
    private Callers callers;
    @Context
    private HttpHeaders headers;

    @GET
    public Response get() {
        return ok(pool.state(callers.actor()));
    }

    /** {@code {"state": "FailedOver"}} and/or {@code {"activeServers": [...]}} (or a list modifier). */
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response update(InputStream body) {
        PoolChange change = change(JsonBody.read(body).allow("state", "activeServers"));
        try {
            return ok(pool.change(callers.actor(), change, Etags.ifMatch(headers)));
        } catch (DomainException e) {
            if (e.reason() == DomainException.Reason.INVALID) {
                throw new BadRequest("activeServers", e.getMessage());
            }
            throw e;
        }
    }

    private static PoolChange change(JsonFields json) {
        String state = json.string("state", 64);
        PoolState newState = null;
        if (state != null) {
            try {
                newState = PoolState.parse(state);
            } catch (DomainException e) {
                throw new BadRequest("state", "must be Normal or FailedOver");
            }
        }
        NameListChange servers = json.nameListChange("activeServers", PoolSettings.MAX_NAME);
        return new PoolChange(newState, servers == null ? null
                : new PoolChange.ActiveServers(servers.add(), servers.remove(), servers.replace()));
    }

    private static Response ok(PoolStateView view) {
        return Etags.ok(view, view.settings());
    }
}
