package org.openpchat.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openpchat.chat.application.health.ServerOverview;
import org.openpchat.chat.application.health.ServerOverviewService;

/** The administrators' start page. */
@Named
@RequestScoped
public class DashboardPage {

    @EJB
    private ServerOverviewService service;
    @Inject
    private ConsoleUser user;

    private ServerOverview overview;

    public ServerOverview getOverview() {
        if (overview == null) {
            overview = service.overview(user.actor());
        }
        return overview;
    }

    public String getLastExport() {
        return Times.format(getOverview().compliance().lastExport());
    }

    public boolean isDatabasesUp() {
        return getOverview().databases().values().stream().allMatch(state -> state.startsWith("UP"));
    }
}
