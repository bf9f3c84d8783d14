package org.openpchat.chat.application.room;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.application.EntityLocks;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.audit.Audit;
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
import org.openpchat.chat.domain.shared.TextFilter;

/**
 * Creating, changing, moving, disabling and deleting rooms, for managers, category creators and
 * administrators, each within what {@link RoomAccess} gives them. Every change is audited and is
 * all or nothing.
 */
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
    @Inject
    private EntityLocks locks;
    @Inject
    private Audit audit;
    @Inject
    private ChatServerSettings settings;

    static final int SEARCH_PAGE = 200;

    private final Clock clock;

    public RoomService() {
        this.clock = Clock.systemUTC();
    }

    /** Outside the container (tests): over these repositories and services, with this clock. */
    public RoomService(RoomRepository rooms, CategoryRepository categories, AddinRepository addins,
            InvitationRepository invitations, RoomLookup lookup, DirectoryService directory, EntityLocks locks,
            Audit audit, ChatServerSettings settings, Clock clock) {
        this.rooms = rooms;
        this.categories = categories;
        this.addins = addins;
        this.invitations = invitations;
        this.lookup = lookup;
        this.directory = directory;
        this.locks = locks;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * New-CsPersistentChatRoom with its lists. Creators of the category and administrators; a
     * creator who is not an administrator becomes the room's manager (Lync's room management page
     * does the same), an administrator does not.
     */
    public RoomView create(Actor actor, RoomChange request) {
        RoomSpec spec = request.settings();
        Category category = category(spec.category());
        if (!RoomAccess.mayCreateRoom(actor, category)) {
            throw DomainException.forbidden(actor.describe() + " may not create rooms in category '"
                    + category.name() + "'");
        }
        requireFreeName(spec.name());
        Room room = new Room(spec.name(), category, clock.instant());
        applySettings(room, spec);
        rooms.add(room);
        if (actor.user() != null && !actor.administrator()) {
            room.modifyManagers(AccessList.adding(actor.user()), directory::affiliationsOf);
        }
        applyLists(room, request);
        RoomView created = view(room);
        audit.created(actor, "New-CsPersistentChatRoom", target(room), created);
        return created;
    }

    public RoomView create(Actor actor, RoomSpec spec) {
        return create(actor, RoomChange.of(spec));
    }

    /** Set-CsPersistentChatRoom: everything in the request, or nothing. */
    public RoomView update(Actor actor, String reference, RoomChange change, String expectedTag) {
        Room room = locks.lockForUpdate(findable(actor, reference));
        RoomAccess.require(actor, Operation.MANAGE, room);
        RoomView before = view(room);
        ItemTags.require(expectedTag, before, "room '" + room.name() + "'");
        RoomSpec spec = change.settings();
        if (spec.name() != null && !spec.name().strip().equals(room.name())) {
            requireFreeName(spec.name());
            room.rename(spec.name());
        }
        if (spec.category() != null && !spec.category().strip().equals(room.category().name())) {
            moveTo(actor, room, spec.category());
        }
        if (spec.disabled() != null) {
            RoomAccess.require(actor, Operation.DISABLE, room);
        }
        applySettings(room, spec);
        applyLists(room, change);
        RoomView after = view(room);
        audit.changed(actor, "Set-CsPersistentChatRoom", target(room), before, after);
        return after;
    }

    public RoomView modify(Actor actor, String reference, RoomSpec change) {
        return update(actor, reference, RoomChange.of(change), null);
    }

    public RoomView modifyMembers(Actor actor, String reference, AccessList change) {
        return update(actor, reference, new RoomChange(null, change, null, null), null);
    }

    public RoomView modifyManagers(Actor actor, String reference, AccessList change) {
        return update(actor, reference, new RoomChange(null, null, change, null), null);
    }

    public RoomView modifyPresenters(Actor actor, String reference, AccessList change) {
        return update(actor, reference, new RoomChange(null, null, null, change), null);
    }

    /** Returns the principals dropped because the new category does not admit them. */
    public Set<PrincipalId> move(Actor actor, String reference, String targetCategory) {
        Room room = locks.lockForUpdate(lookup.find(actor, reference));
        RoomView before = view(room);
        Set<PrincipalId> dropped = moveTo(actor, room, targetCategory);
        audit.changed(actor, "Set-CsPersistentChatRoom", target(room), before, view(room));
        return dropped;
    }

    /** Remove-CsPersistentChatRoom: administrators only; the history goes with the room. */
    public void delete(Actor actor, String reference) {
        Room room = locks.lockForUpdate(findable(actor, reference));
        RoomAccess.require(actor, Operation.DELETE, room);
        audit.removed(actor, "Remove-CsPersistentChatRoom", target(room), view(room));
        rooms.remove(room);
    }

    public Room find(String reference) {
        return lookup.find(reference);
    }

    /** One room, for those who may manage it; a room the actor may not even find is not there. */
    public RoomView view(Actor actor, String reference) {
        Room room = findable(actor, reference);
        RoomAccess.require(actor, Operation.MANAGE, room);
        return view(room);
    }

    /**
     * Get-CsPersistentChatRoom: administrators query every room; room managers and category
     * creators see the rooms they manage that match; anybody else is refused.
     */
    public List<RoomView> query(Actor actor, RoomQuery query) {
        List<Room> all = rooms.all();
        List<Room> managed = all.stream()
                .filter(room -> actor.administrator() || RoomAccess.permits(actor, Operation.MANAGE, room)).toList();
        if (managed.isEmpty() && !actor.administrator()
                && categories.all().stream().noneMatch(category -> RoomAccess.mayCreateRoom(actor, category))) {
            throw DomainException.forbidden(actor.describe() + " manages no room and may create none");
        }
        return managed.stream().filter(query::matches).limit(query.maxResults()).map(this::view).toList();
    }

    /**
     * The first {@code maxResults} rooms by name that an actor finds in a room search: what the
     * client's room directory shows. The rooms are read a page at a time, so a search stops
     * reading when it has found enough.
     */
    public List<Room> findVisible(Actor actor, String nameContains, int maxResults) {
        TextFilter filter = TextFilter.of(nameContains);
        List<Room> found = new ArrayList<>();
        String after = null;
        while (found.size() < maxResults) {
            List<Room> page = rooms.page(filter, after, SEARCH_PAGE);
            page.stream().filter(room -> RoomAccess.permits(actor, Operation.FIND, room))
                    .limit(maxResults - found.size()).forEach(found::add);
            if (page.size() < SEARCH_PAGE) {
                break;
            }
            after = page.get(page.size() - 1).name();
        }
        return found;
    }

    /**
     * For the management views, stricter than the chat's rule: a disabled room is not there
     * either for those who may not manage it, as no room search shows it to them.
     */
    private Room findable(Actor actor, String reference) {
        Room room = lookup.find(actor, reference);
        if (!RoomAccess.permits(actor, Operation.FIND, room) && !RoomAccess.permits(actor, Operation.MANAGE, room)) {
            throw RoomLookup.notFound(reference);
        }
        return room;
    }

    /** Whether the actor may know the room exists: the SIP front end's 404-or-409 question. */
    public boolean knows(Actor actor, String reference) {
        try {
            lookup.find(actor, reference);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    private Set<PrincipalId> moveTo(Actor actor, Room room, String targetCategory) {
        Category target = category(targetCategory);
        if (!RoomAccess.mayMove(actor, room, target)) {
            throw DomainException.forbidden(actor.describe() + " may not move room '" + room.name()
                    + "' to category '" + target.name() + "'");
        }
        return room.moveTo(target, directory::affiliationsOf);
    }

    private void applyLists(Room room, RoomChange change) {
        if (change.members() != null) {
            Set<PrincipalId> added = room.modifyMembers(change.members(), directory::affiliationsOf);
            if (room.sendsInvitations()) {
                added.forEach(invitee -> invitations.add(new Invitation(room.id(), invitee, clock.instant())));
            }
        }
        if (change.managers() != null) {
            room.modifyManagers(change.managers(), directory::affiliationsOf);
        }
        if (change.presenters() != null) {
            room.modifyPresenters(change.presenters(), directory::affiliationsOf);
        }
    }

    private void applySettings(Room room, RoomSpec spec) {
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

    private RoomView view(Room room) {
        return RoomView.of(room, settings.sipDomain());
    }

    private void requireFreeName(String name) {
        if (name == null) {
            throw DomainException.invalid("a room needs a name");
        }
        if (rooms.findByName(name.strip()).isPresent()) {
            throw DomainException.conflict("room '" + name.strip() + "' already exists");
        }
    }

    private Category category(String name) {
        if (name == null) {
            throw DomainException.invalid("a room needs a category");
        }
        return categories.findByName(name.strip())
                .orElseThrow(() -> DomainException.notFound("no such category: " + name));
    }

    private Addin addin(String name) {
        return addins.findByName(name.strip())
                .orElseThrow(() -> DomainException.notFound("no such add-in: " + name));
    }

    private static String target(Room room) {
        return "room:" + room.name();
    }
}
