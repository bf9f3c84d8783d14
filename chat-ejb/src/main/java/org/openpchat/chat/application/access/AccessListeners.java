package org.openpchat.chat.application.access;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpchat.chat.application.directory.CredentialsChanged;

/**
 * Where front ends register to hear about changes of rights and credentials, once the change has
 * committed (never if it rolled back). Node-local, like the sessions the front ends keep.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccessListeners {

    private static final Logger LOG = Logger.getLogger(AccessListeners.class.getName());

    private final List<AccessListener> listeners = new CopyOnWriteArrayList<>();

    public void register(AccessListener listener) {
        listeners.add(listener);
    }

    public void unregister(AccessListener listener) {
        listeners.remove(listener);
    }

    public void accessChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessChanged change) {
        tell(listener -> listener.accessChanged(change), change.action());
    }

    public void credentialChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CredentialsChanged change) {
        tell(listener -> listener.credentialChanged(change.user()), "credential change of " + change.user());
    }

    private void tell(Consumer<AccessListener> call, String what) {
        for (AccessListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a front end could not apply " + what, e);
            }
        }
    }
}
