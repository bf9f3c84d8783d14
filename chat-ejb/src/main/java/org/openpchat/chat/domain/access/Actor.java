package org.openpchat.chat.domain.access;

import java.io.Serializable;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Who asks: a user with the affiliations resolved from the directory, or an administrator
 * (CsPersistentChatAdministrator), who manages everything but takes part in rooms only as the
 * user rules allow.
 */
public record Actor(PrincipalId user, Affiliations affiliations, boolean administrator) implements Serializable {

    public static Actor user(PrincipalId user, Affiliations affiliations) {
        return new Actor(user, affiliations, false);
    }

    /** An administrator acting through the admin API, not as a chat user. */
    public static Actor administrator(String name) {
        return new Actor(null, Affiliations.none(), true);
    }

    public Actor asAdministrator() {
        return new Actor(user, affiliations, true);
    }

    /** Refuses anyone but an administrator; {@code what} completes "only ... administrators ...". */
    public void requireAdministrator(String what) {
        if (!administrator) {
            throw DomainException.forbidden("only Persistent Chat administrators " + what);
        }
    }

    public String describe() {
        return user != null ? user.toString() : "administrator";
    }
}
