package org.openpchat.chat.application.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/**
 * Seeds the demo data set on the first start of a server whose domain sets
 * {@code -Dopenpchat.demo=true} (the README run command does).
 */
@Singleton
@Startup
public class DemoDataSeeder {

    public static final String ENABLED = "openpchat.demo";
    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class.getName());

    @EJB
    private DemoData demoData;

    @PostConstruct
    void seedOnFirstStart() {
        if (!Boolean.getBoolean(ENABLED)) {
            return;
        }
        if (demoData.seedIfEmpty()) {
            LOG.info("Seeded the demo data: users alice, bob, carol, dave, erin @example.com, password "
                    + DemoData.PASSWORD);
        } else {
            LOG.info("Demo data already present");
        }
    }
}
