package org.openpchat.chat.domain.room;

import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.openpchat.chat.domain.addin.Addin;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.chat.domain.shared.Validate;

/**
 * A persistent topic room. Membership lists hold principals (users, groups, OUs, domains); an
 * empty member list means the room inherits its members from the category's allowed list.
 * Everybody in a list must be admitted by the category, so the category's ethical wall also
 * holds for the room.
 */
public class Room {

    public static final int MAX_NAME = 256;
    public static final int MAX_DESCRIPTION = 1024;

    private Long id;
    private String uid;
    private String name;
    private String description;
    private Category category;
    private Privacy privacy = Privacy.CLOSED;
    private RoomType type = RoomType.NORMAL;
    private boolean disabled;
    private InvitationSetting invitations = InvitationSetting.INHERIT;
    private Addin addin;
    private Set<PrincipalId> members = new LinkedHashSet<>();
    private Set<PrincipalId> managers = new LinkedHashSet<>();
    private Set<PrincipalId> presenters = new LinkedHashSet<>();
    private Instant createdAt;
    private long version;

    protected Room() {
    }

    public Room(String name, Category category, Instant createdAt) {
        this.uid = UUID.randomUUID().toString();
        rename(name);
        this.category = require(category);
        this.createdAt = createdAt;
    }

    /** A room as an export archive recorded it: same id (so its URI stays), name and creation time. */
    public static Room restore(String uid, String name, Category category, Instant createdAt) {
        Room room = new Room(name, category, createdAt);
        room.uid = Validate.name(uid, "room id", 36);
        return room;
    }

    /**
     * Sets the three lists to what an export archive recorded, without the category check that
     * changes get: the archive holds a state the source server had.
     */
    public void restoreLists(Set<PrincipalId> newMembers, Set<PrincipalId> newManagers,
            Set<PrincipalId> newPresenters) {
        AccessList.replacing(newMembers).applyTo(members);
        AccessList.replacing(newManagers).applyTo(managers);
        AccessList.replacing(newPresenters).applyTo(presenters);
    }

    public RoomUri uri(String sipDomain) {
        return new RoomUri(sipDomain, uid);
    }

    /** Explicitly listed, or inheriting the category's allowed members; never past its wall. */
    public boolean hasMember(Affiliations who) {
        if (!category.admits(who)) {
            return false;
        }
        return members.isEmpty() || who.matchesAny(members);
    }

    public boolean hasManager(Affiliations who) {
        return who.matchesAny(managers) && category.admits(who);
    }

    public boolean hasPresenter(Affiliations who) {
        return category.admits(who) && who.matchesAny(presenters);
    }

    /** Invitations are sent only when both the category and the room allow them. */
    public boolean sendsInvitations() {
        return category.invitationsEnabled() && invitations == InvitationSetting.INHERIT;
    }

    public boolean keepsChatHistory() {
        return category.chatHistoryEnabled();
    }

    public void rename(String newName) {
        this.name = Validate.name(newName, "room name", MAX_NAME);
    }

    public void describe(String newDescription) {
        this.description = Validate.optionalText(newDescription, "description", MAX_DESCRIPTION);
    }

    public void changePrivacy(Privacy newPrivacy) {
        this.privacy = require(newPrivacy);
    }

    public void changeType(RoomType newType) {
        this.type = require(newType);
    }

    public void disable() {
        this.disabled = true;
    }

    public void enable() {
        this.disabled = false;
    }

    public void changeInvitations(InvitationSetting setting) {
        this.invitations = require(setting);
    }

    public void useAddin(Addin newAddin) {
        this.addin = newAddin;
    }

    /**
     * Applies a change to the member list. Returns the principals newly added (they may be sent
     * an invitation). Refuses anyone the category does not admit.
     */
    public Set<PrincipalId> modifyMembers(AccessList change, Function<PrincipalId, Affiliations> resolver) {
        return modify(members, change, resolver, "member");
    }

    public Set<PrincipalId> modifyManagers(AccessList change, Function<PrincipalId, Affiliations> resolver) {
        return modify(managers, change, resolver, "manager");
    }

    public Set<PrincipalId> modifyPresenters(AccessList change, Function<PrincipalId, Affiliations> resolver) {
        return modify(presenters, change, resolver, "presenter");
    }

    /**
     * Moves the room to another category. Entries the new category does not admit are dropped,
     * as Lync does; the dropped principals are returned.
     */
    public Set<PrincipalId> moveTo(Category target, Function<PrincipalId, Affiliations> resolver) {
        this.category = require(target);
        Set<PrincipalId> dropped = new LinkedHashSet<>();
        for (Set<PrincipalId> list : java.util.List.of(members, managers, presenters)) {
            for (Iterator<PrincipalId> it = list.iterator(); it.hasNext(); ) {
                PrincipalId entry = it.next();
                if (!target.admits(resolver.apply(entry))) {
                    it.remove();
                    dropped.add(entry);
                }
            }
        }
        return dropped;
    }

    private Set<PrincipalId> modify(Set<PrincipalId> list, AccessList change,
            Function<PrincipalId, Affiliations> resolver, String role) {
        Set<PrincipalId> additions = change.additionsTo(list);
        for (PrincipalId candidate : additions) {
            if (!category.admits(resolver.apply(candidate))) {
                throw DomainException.forbidden(candidate + " cannot be a " + role + " of room '" + name
                        + "': category '" + category.name() + "' does not allow it");
            }
        }
        change.applyTo(list);
        return additions;
    }

    private static <T> T require(T value) {
        if (value == null) {
            throw DomainException.invalid("missing value");
        }
        return value;
    }

    public Long id() {
        return id;
    }

    public String uid() {
        return uid;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Category category() {
        return category;
    }

    public Privacy privacy() {
        return privacy;
    }

    public RoomType type() {
        return type;
    }

    public boolean disabled() {
        return disabled;
    }

    public InvitationSetting invitations() {
        return invitations;
    }

    public Addin addin() {
        return addin;
    }

    public Set<PrincipalId> members() {
        return Collections.unmodifiableSet(members);
    }

    public Set<PrincipalId> managers() {
        return Collections.unmodifiableSet(managers);
    }

    public Set<PrincipalId> presenters() {
        return Collections.unmodifiableSet(presenters);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
