package org.openpchat.chat.application.addin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.addin.Addin;
import org.openpchat.chat.domain.addin.AddinRepository;
import org.openpchat.chat.domain.shared.DomainException;

/** Registered add-ins (New-/Set-/Remove-CsPersistentChatAddin), for administrators. */
@Stateless
public class AddinService {

    @Inject
    private AddinRepository addins;

    public Addin create(Actor actor, String name, String url) {
        actor.requireAdministrator("manage add-ins");
        if (addins.findByName(name).isPresent()) {
            throw DomainException.conflict("add-in '" + name + "' already exists");
        }
        Addin addin = new Addin(name, url);
        addins.add(addin);
        return addin;
    }

    public Addin modify(Actor actor, String name, String newName, String newUrl) {
        actor.requireAdministrator("manage add-ins");
        Addin addin = find(name);
        if (newName != null && !newName.equals(addin.name())) {
            if (addins.findByName(newName).isPresent()) {
                throw DomainException.conflict("add-in '" + newName + "' already exists");
            }
            addin.rename(newName);
        }
        if (newUrl != null) {
            addin.pointTo(newUrl);
        }
        return addin;
    }

    /** Refuses while rooms use the add-in, unless forced (Remove-CsPersistentChatAddin -Force). */
    public void delete(Actor actor, String name, boolean force) {
        actor.requireAdministrator("manage add-ins");
        Addin addin = find(name);
        long users = addins.countRoomsUsing(addin);
        if (users > 0 && !force) {
            throw DomainException.conflict("add-in '" + name + "' is used by " + users + " room(s)");
        }
        if (users > 0) {
            addins.detachFromRooms(addin);
        }
        addins.remove(addin);
    }

    public Addin find(String name) {
        return addins.findByName(name).orElseThrow(() -> DomainException.notFound("no such add-in: " + name));
    }

    public List<Addin> list() {
        return addins.all();
    }
}
