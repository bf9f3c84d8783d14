package org.openpchat.chat.application.room;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.access.Operation;
import org.openpchat.chat.domain.access.RoomAccess;
import org.openpchat.chat.domain.addin.Addin;
import org.openpchat.chat.domain.addin.AddinRepository;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.category.CategoryRepository;
import org.openpchat.chat.domain.invitation.Invitation;
import org.openpchat.chat.domain.invitation.InvitationRepository;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomRepository;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException;

/** Creating, changing, moving, disabling and deleting rooms, for managers and administrators. */
@Stateless
public class RoomService {

    @Inject
    private RoomRepository rooms;
    @Inject
    private CategoryRepository categories;
    @Inject
    private AddinRepository addins;
    @Inject
    private InvitationRepository invitations;
    @Inject
    private RoomLookup lookup;
    @Inject
    private DirectoryService directory;

    private final Clock clock = Clock.systemUTC();

    /** Creators of the category and administrators; a creating user becomes the room's manager. */
    public Room create(Actor actor, RoomSpec spec) {
        Category category = category(spec.category());
        if (!RoomAccess.mayCreateRoom(actor, category)) {
            throw DomainException.forbidden(actor.describe() + " may not create rooms in category '"
                    + category.name() + "'");
        }
        requireFreeName(spec.name());
        Room room = new Room(spec.name(), category, clock.instant());
        apply(room, spec);
        rooms.add(room);
        if (actor.user() != null) {
            room.modifyManagers(AccessList.adding(actor.user()), directory::affiliationsOf);
        }
        return room;
    }

    public Room modify(Actor actor, String reference, RoomSpec change) {
        Room room = lookup.find(reference);
        RoomAccess.require(actor, Operation.MANAGE, room);
        if (change.name() != null && !change.name().strip().equals(room.name())) {
            requireFreeName(change.name());
            room.rename(change.name());
        }
        if (change.category() != null && !change.category().equals(room.category().name())) {
            moveTo(actor, room, change.category());
        }
        if (change.disabled() != null) {
            RoomAccess.require(actor, Operation.DISABLE, room);
        }
        apply(room, change);
        return room;
    }

    public Room modifyMembers(Actor actor, String reference, AccessList change) {
        Room room = managed(actor, reference);
        invite(room, room.modifyMembers(change, directory::affiliationsOf));
        return room;
    }

    public Room modifyManagers(Actor actor, String reference, AccessList change) {
        Room room = managed(actor, reference);
        room.modifyManagers(change, directory::affiliationsOf);
        return room;
    }

    public Room modifyPresenters(Actor actor, String reference, AccessList change) {
        Room room = managed(actor, reference);
        room.modifyPresenters(change, directory::affiliationsOf);
        return room;
    }

    /** Returns the principals dropped because the new category does not admit them. */
    public Set<PrincipalId> move(Actor actor, String reference, String targetCategory) {
        return moveTo(actor, lookup.find(reference), targetCategory);
    }

    public void delete(Actor actor, String reference) {
        Room room = lookup.find(reference);
        RoomAccess.require(actor, Operation.DELETE, room);
        rooms.remove(room);
    }

    public Room find(String reference) {
        return lookup.find(reference);
    }

    /** Administrators' room query (Get-CsPersistentChatRoom). */
    public List<Room> query(Actor actor, RoomQuery query) {
        actor.requireAdministrator("query all rooms");
        return rooms.all().stream().filter(query::matches).limit(query.maxResults()).toList();
    }

    /** The rooms an actor finds in a room search: what the client's room directory shows. */
    public List<Room> findVisible(Actor actor, String nameContains, int maxResults) {
        return rooms.all().stream()
                .filter(RoomQuery.nameContains(nameContains)::matches)
                .filter(room -> RoomAccess.permits(actor, Operation.FIND, room))
                .limit(maxResults).toList();
    }

    private Set<PrincipalId> moveTo(Actor actor, Room room, String targetCategory) {
        Category target = category(targetCategory);
        if (!RoomAccess.mayMove(actor, room, target)) {
            throw DomainException.forbidden(actor.describe() + " may not move room '" + room.name()
                    + "' to category '" + target.name() + "'");
        }
        return room.moveTo(target, directory::affiliationsOf);
    }

    private Room managed(Actor actor, String reference) {
        Room room = lookup.find(reference);
        RoomAccess.require(actor, Operation.MANAGE, room);
        return room;
    }

    private void invite(Room room, Set<PrincipalId> added) {
        if (room.sendsInvitations()) {
            added.forEach(invitee -> invitations.add(new Invitation(room.id(), invitee, clock.instant())));
        }
    }

    private void apply(Room room, RoomSpec spec) {
        if (spec.description() != null) {
            room.describe(spec.description());
        }
        if (spec.privacy() != null) {
            room.changePrivacy(spec.privacy());
        }
        if (spec.type() != null) {
            room.changeType(spec.type());
        }
        if (spec.invitations() != null) {
            room.changeInvitations(spec.invitations());
        }
        if (Boolean.TRUE.equals(spec.disabled())) {
            room.disable();
        } else if (Boolean.FALSE.equals(spec.disabled())) {
            room.enable();
        }
        if (spec.addin() != null) {
            room.useAddin(spec.addin().isBlank() ? null : addin(spec.addin()));
        }
    }

    private void requireFreeName(String name) {
        if (name != null && rooms.findByName(name.strip()).isPresent()) {
            throw DomainException.conflict("room '" + name.strip() + "' already exists");
        }
    }

    private Category category(String name) {
        if (name == null) {
            throw DomainException.invalid("a room needs a category");
        }
        return categories.findByName(name).orElseThrow(() -> DomainException.notFound("no such category: " + name));
    }

    private Addin addin(String name) {
        return addins.findByName(name).orElseThrow(() -> DomainException.notFound("no such add-in: " + name));
    }
}
