package org.openpchat.chat.application.directory;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.openpchat.chat.domain.principal.CredentialStore;
import org.openpchat.chat.domain.principal.PrincipalId;

/**
 * Announces every change of a user's SIP credential, whichever service made it (administration,
 * CSV import, demo data), so sign-ins proved with the old one stop being trusted.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class CredentialChangeEvents implements CredentialStore {

    @Inject
    @Delegate
    @Any
    private CredentialStore store;
    @Inject
    private Event<CredentialsChanged> changed;

    @Override
    public void setPassword(PrincipalId user, String password) {
        store.setPassword(user, password);
        changed.fire(new CredentialsChanged(user));
    }

    @Override
    public void setSipPassword(PrincipalId user, String password) {
        store.setSipPassword(user, password);
        changed.fire(new CredentialsChanged(user));
    }

    @Override
    public void remove(PrincipalId user) {
        store.remove(user);
        changed.fire(new CredentialsChanged(user));
    }
}
