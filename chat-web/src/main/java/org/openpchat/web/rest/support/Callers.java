package org.openpchat.web.rest.support;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.shared.DomainException;

/** Who calls: the signed-in user as the chat's rules know them (an administrator or not). */
@RequestScoped
public class Callers {

    @Inject
    private SecurityContext security;
    @EJB
    private DirectoryService directory;

    private Actor actor;

    public Actor actor() {
        if (actor == null) {
            Principal caller = security.getCallerPrincipal();
            if (caller == null) {
                throw new BadRequest(401, null, "sign in first");
            }
            try {
                actor = directory.actorFor(caller.getName());
            } catch (DomainException e) {
                throw new BadRequest(401, null, "the signed-in user no longer exists");
            }
        }
        return actor;
    }
}
