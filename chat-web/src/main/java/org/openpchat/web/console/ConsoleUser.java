package org.openpchat.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.web.security.FormSignIn;

/** The signed-in user of a console page, as the chat's rules know them; and signing out. */
@Named
@RequestScoped
public class ConsoleUser {

    @Inject
    private SecurityContext security;
    @EJB
    private DirectoryService directory;

    private Actor actor;

    /** The actor, or null when nobody (or a user since removed) is signed in. */
    public Actor actor() {
        if (actor == null) {
            Principal caller = security.getCallerPrincipal();
            if (caller != null) {
                try {
                    actor = directory.actorFor(caller.getName());
                } catch (DomainException e) {
                    return null;
                }
            }
        }
        return actor;
    }

    public boolean isAdministrator() {
        Actor who = actor();
        return who != null && who.administrator();
    }

    public String getName() {
        Actor who = actor();
        return who == null ? "" : who.describe().replaceFirst("^sip:", "");
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        external.invalidateSession();
        request.logout();
        external.redirect(request.getContextPath() + FormSignIn.PAGE + "?signedOut=true");
    }
}
