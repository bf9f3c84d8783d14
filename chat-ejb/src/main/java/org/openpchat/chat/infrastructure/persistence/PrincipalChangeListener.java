package org.openpchat.chat.infrastructure.persistence;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.openpchat.chat.application.directory.DirectoryCache;

/**
 * Hears every user or group written, added or removed (its callbacks are declared for Principal
 * in mgc-orm.xml), whichever service did it: what was kept of it ({@link DirectoryCache}) is stale when
 * the change is written, and again when its transaction ends, since a request that read the
 * directory between the write and the commit saw it as it was.
 */
public class PrincipalChangeListener {

    private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";

    public void changed(Object principal) {
        DirectoryCache.directoryChanged();
        TransactionSynchronizationRegistry registry = registry();
        if (registry == null || registry.getTransactionKey() == null) {
            return;
        }
        try {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before the commit
                }

                @Override
                public void afterCompletion(int status) {
                    DirectoryCache.directoryChanged();
                }
            });
        } catch (IllegalStateException committing) {
            // written by the flush of the commit itself: the change above comes right before it
        }
    }

    private static TransactionSynchronizationRegistry registry() {
        try {
            return InitialContext.doLookup(REGISTRY);
        } catch (NamingException | RuntimeException outsideAServer) {
            return null;
        }
    }
}
