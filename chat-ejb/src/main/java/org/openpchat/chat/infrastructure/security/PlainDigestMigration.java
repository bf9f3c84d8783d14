package org.openpchat.chat.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start, encrypts the SIP Digest HA1 values that an earlier release stored in clear. Until it
 * has run they keep working (the cipher reads clear values as they are). Without the key file it
 * logs why and leaves them; the users' SIP sign-in still works, new passwords cannot be set.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class PlainDigestMigration {

    private static final Logger LOG = Logger.getLogger(PlainDigestMigration.class.getName());

    @Inject
    private JpaCredentialStore credentials;

    @PostConstruct
    void encryptPlainDigests() {
        try {
            int encrypted = credentials.encryptPlainDigests();
            if (encrypted > 0) {
                LOG.info(() -> "encrypted the SIP Digest credentials of " + encrypted
                        + " users, which an earlier release stored in clear");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not encrypt the SIP Digest credentials stored in clear: " + e.getMessage(), e);
        }
    }
}
