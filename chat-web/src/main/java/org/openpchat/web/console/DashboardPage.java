package org.openpchat.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openpchat.chat.application.health.ServerOverview;
import org.openpchat.chat.application.health.ServerOverviewService;
import org.openpchat.chat.application.pool.PoolAdministration;
import org.openpchat.chat.application.pool.PoolNodeView;
import org.openpchat.chat.application.pool.PoolStateView;

/** The administrators' start page. */
@Named
@RequestScoped
public class DashboardPage {

    @EJB
    private ServerOverviewService service;
    @EJB
    private PoolAdministration poolAdministration;
    @Inject
    private ConsoleUser user;

    private ServerOverview overview;
    private PoolStateView pool;

    public ServerOverview getOverview() {
        if (overview == null) {
            overview = service.overview(user.actor());
        }
        return overview;
    }

    /** The pool's state and nodes (Get-CsPersistentChatState). */
    public PoolStateView getPool() {
        if (pool == null) {
            pool = poolAdministration.state(user.actor());
        }
        return pool;
    }

    /** The active servers as a line of text: none listed means every node. */
    public String getActiveServers() {
        return getPool().activeServers().isEmpty() ? "every node" : String.join(", ", getPool().activeServers());
    }

    /** "3 nodes; active: every node", or that this server is in no pool. */
    public String getPoolSummary() {
        PoolStateView shown = getPool();
        if (!shown.pooled()) {
            return "This server is in no pool.";
        }
        return shown.nodes().size() + (shown.nodes().size() == 1 ? " node" : " nodes") + "; active: "
                + getActiveServers() + ".";
    }

    public String lastHeard(PoolNodeView node) {
        return Times.format(node.lastHeard());
    }

    public String getLastExport() {
        return Times.format(getOverview().compliance().lastExport());
    }

    public boolean isDatabasesUp() {
        return getOverview().databases().values().stream().allMatch(state -> state.startsWith("UP"));
    }
}
