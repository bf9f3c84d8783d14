package org.openpchat.chat.application.endpoint;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/** At start, a server without chat endpoints gets the default two, so clients can reach it. */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class EndpointDefaults {

    private static final Logger LOG = Logger.getLogger(EndpointDefaults.class.getName());

    @EJB
    private EndpointService endpoints;

    @PostConstruct
    void addDefaults() {
        if (endpoints.addDefaultsIfEmpty()) {
            LOG.info("Chat endpoints: the pool URI and the Group Chat URI (defaults)");
        }
    }
}
