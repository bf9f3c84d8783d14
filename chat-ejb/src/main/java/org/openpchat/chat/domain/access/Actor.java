package org.openpchat.chat.domain.access;

import java.io.Serializable;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Who asks: a user with the affiliations resolved from the directory, possibly an administrator
 * (CsPersistentChatAdministrator), who manages everything but takes part in rooms only as the
 * user rules allow; or a named part of the server itself (the demo seeder, an import) acting with
 * administrator rights. Every actor has a name, so no change is anonymous.
 */
public record Actor(PrincipalId user, Affiliations affiliations, boolean administrator, String name)
        implements Serializable {

    public Actor {
        if (user == null && (name == null || name.isBlank())) {
            throw new IllegalArgumentException("an actor without a user needs a name");
        }
        affiliations = affiliations == null ? Affiliations.none() : affiliations;
        name = user != null ? user.toString() : name;
    }

    public Actor(PrincipalId user, Affiliations affiliations, boolean administrator) {
        this(user, affiliations, administrator, null);
    }

    public static Actor user(PrincipalId user, Affiliations affiliations) {
        return new Actor(user, affiliations, false);
    }

    /**
     * The server acting on its own with administrator rights, e.g. {@code system("demo")}; it
     * takes part in no room.
     */
    public static Actor system(String name) {
        return new Actor(null, Affiliations.none(), true, "system:" + name);
    }

    /** Same as {@link #system}: an administrator that is not a chat user. */
    public static Actor administrator(String name) {
        return system(name);
    }

    public Actor asAdministrator() {
        return new Actor(user, affiliations, true, name);
    }

    /** Refuses anyone but an administrator; {@code what} completes "only ... administrators ...". */
    public void requireAdministrator(String what) {
        if (!administrator) {
            throw DomainException.forbidden("only Persistent Chat administrators " + what);
        }
    }

    public String describe() {
        return name;
    }
}
