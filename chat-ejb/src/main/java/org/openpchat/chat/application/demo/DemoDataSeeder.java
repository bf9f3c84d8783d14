package org.openpchat.chat.application.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
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
@DependsOn("DatabaseMigrations")
public class DemoDataSeeder {

    public static final String ENABLED = "openpchat.demo";
    public static final String COMPLIANCE_DIR = "openpchat.demo.compliance-dir";
    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class.getName());

    @EJB
    private DemoData demoData;

    @PostConstruct
    void seedOnFirstStart() {
        if (!Boolean.getBoolean(ENABLED)) {
            return;
        }
        if (demoData.seedIfEmpty()) {
            LOG.info("Seeded the demo data: users alice, bob, carol, dave, erin and the administrator admin,"
                    + " all @example.com (their password is in the README)");
        } else {
            LOG.info("Demo data already present");
        }
        String complianceDir = System.getProperty(COMPLIANCE_DIR,
                System.getProperty("com.sun.aas.instanceRoot", ".") + "/compliance");
        if (demoData.enableComplianceExportIfUnset(complianceDir)) {
            LOG.info("Demo compliance export: Lync XML every minute into " + complianceDir);
        }
    }
}
