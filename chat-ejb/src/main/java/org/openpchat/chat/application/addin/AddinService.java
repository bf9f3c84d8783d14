package org.openpchat.chat.application.addin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.openpchat.chat.application.EntityLocks;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.audit.Audit;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.addin.Addin;
import org.openpchat.chat.domain.addin.AddinRepository;
import org.openpchat.chat.domain.shared.DomainException;

/** Registered add-ins (New-/Set-/Remove-CsPersistentChatAddin), for administrators. */
@Stateless
public class AddinService {

    private static final String WHAT = "manage add-ins";

    @Inject
    private AddinRepository addins;
    @Inject
    private EntityLocks locks;
    @Inject
    private Audit audit;

    public AddinService() {
    }

    /** Outside the container (tests): over this repository. */
    public AddinService(AddinRepository addins, EntityLocks locks, Audit audit) {
        this.addins = addins;
        this.locks = locks;
        this.audit = audit;
    }

    public AddinView create(Actor actor, String name, String url) {
        actor.requireAdministrator(WHAT);
        if (name != null && addins.findByName(name.strip()).isPresent()) {
            throw DomainException.conflict("add-in '" + name.strip() + "' already exists");
        }
        Addin addin = new Addin(name, url);
        addins.add(addin);
        AddinView created = AddinView.of(addin);
        audit.created(actor, "New-CsPersistentChatAddin", target(addin), created);
        return created;
    }

    /** Null values stay as they are. */
    public AddinView update(Actor actor, String name, String newName, String newUrl, String expectedTag) {
        actor.requireAdministrator(WHAT);
        Addin addin = locks.lockForUpdate(find(name));
        AddinView before = AddinView.of(addin);
        ItemTags.require(expectedTag, before, "add-in '" + addin.name() + "'");
        if (newName != null && !newName.strip().equals(addin.name())) {
            if (addins.findByName(newName.strip()).isPresent()) {
                throw DomainException.conflict("add-in '" + newName.strip() + "' already exists");
            }
            addin.rename(newName);
        }
        if (newUrl != null) {
            addin.pointTo(newUrl);
        }
        AddinView after = AddinView.of(addin);
        audit.changed(actor, "Set-CsPersistentChatAddin", target(addin), before, after);
        return after;
    }

    public AddinView modify(Actor actor, String name, String newName, String newUrl) {
        return update(actor, name, newName, newUrl, null);
    }

    /** Refuses while rooms use the add-in, unless forced (Remove-CsPersistentChatAddin -Force). */
    public void delete(Actor actor, String name, boolean force) {
        actor.requireAdministrator(WHAT);
        Addin addin = locks.lockForUpdate(find(name));
        long users = addins.countRoomsUsing(addin);
        if (users > 0 && !force) {
            throw DomainException.conflict("add-in '" + addin.name() + "' is used by " + users + " room(s)");
        }
        if (users > 0) {
            addins.detachFromRooms(addin);
        }
        audit.removed(actor, "Remove-CsPersistentChatAddin", target(addin), AddinView.of(addin));
        addins.remove(addin);
    }

    public Addin find(String name) {
        return addins.findByName(name == null ? null : name.strip())
                .orElseThrow(() -> DomainException.notFound("no such add-in: " + name));
    }

    public AddinView view(Actor actor, String name) {
        actor.requireAdministrator(WHAT);
        return AddinView.of(find(name));
    }

    public List<AddinView> views(Actor actor) {
        actor.requireAdministrator(WHAT);
        return addins.all().stream().map(AddinView::of).toList();
    }

    private static String target(Addin addin) {
        return "addin:" + addin.name();
    }
}
