package org.openpchat.chat.application.directory;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.application.EntityLocks;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.audit.Audit;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.principal.AffiliationResolver;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.CredentialStore;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.principal.PrincipalKind;
import org.openpchat.chat.domain.principal.PrincipalRepository;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Users, groups and group membership: the server's copy of the directory. The administration
 * methods (taking an {@link Actor}) are for administrators and audited; the others serve the
 * server itself (sign-in, demo data).
 */
@Stateless
public class DirectoryService {

    private static final String WHAT = "manage users and groups";
    public static final int MAX_PAGE = 10_000;

    @Inject
    private PrincipalRepository principals;
    @Inject
    private CredentialStore credentials;
    @Inject
    private ChatServerSettings settings;
    @Inject
    private EntityLocks locks;
    @Inject
    private Audit audit;
    @Inject
    private DirectoryCache cache;

    public DirectoryService() {
    }

    /** Outside the container (tests): over this directory and credential store. */
    public DirectoryService(PrincipalRepository principals, CredentialStore credentials, ChatServerSettings settings,
            EntityLocks locks, Audit audit) {
        this.principals = principals;
        this.credentials = credentials;
        this.settings = settings;
        this.locks = locks;
        this.audit = audit;
        this.cache = DirectoryCache.none();
    }

    public UserView createUser(Actor actor, String sipAddress, UserChange request) {
        actor.requireAdministrator(WHAT);
        Principal user = createUser(sipAddress, request.displayName(), blankToNull(request.organizationalUnit()),
                blankToNull(request.site()));
        if (request.password() != null) {
            credentials.setPassword(user.principalId(), request.password());
        }
        if (request.groups() != null) {
            changeGroups(user.principalId(), request.groups());
        }
        UserView created = userView(user);
        audit.created(actor, "New-User", "user:" + user.principalId(), created);
        return created;
    }

    public UserView updateUser(Actor actor, String sipAddress, UserChange change, String expectedTag) {
        actor.requireAdministrator(WHAT);
        Principal user = locks.lockForUpdate(requireUser(sipAddress));
        UserView before = userView(user);
        ItemTags.require(expectedTag, before, "user " + user.principalId());
        if (change.displayName() != null) {
            user.rename(change.displayName());
        }
        if (change.organizationalUnit() != null) {
            user.placeIn(change.organizationalUnit().isBlank() ? null : PrincipalId.ou(change.organizationalUnit()));
        }
        if (change.site() != null) {
            user.homeOn(change.site());
        }
        if (change.password() != null) {
            credentials.setPassword(user.principalId(), change.password());
        }
        if (change.groups() != null) {
            changeGroups(user.principalId(), change.groups());
        }
        UserView after = userView(user);
        audit.changed(actor, change.password() != null ? "Set-User (password changed)" : "Set-User",
                "user:" + user.principalId(), before, after);
        return after;
    }

    /** Removes the user, their credentials and their group memberships. */
    public void removeUser(Actor actor, String sipAddress) {
        actor.requireAdministrator(WHAT);
        Principal user = locks.lockForUpdate(requireUser(sipAddress));
        UserView before = userView(user);
        principals.groupsOf(user.principalId()).forEach(group -> group.removeMember(user.principalId()));
        credentials.remove(user.principalId());
        principals.remove(user);
        audit.removed(actor, "Remove-User", "user:" + user.principalId(), before);
    }

    public UserView user(Actor actor, String sipAddress) {
        actor.requireAdministrator(WHAT);
        return userView(requireUser(sipAddress));
    }

    public List<UserView> users(Actor actor, String filter, int offset, int max) {
        actor.requireAdministrator(WHAT);
        return principals.search(PrincipalKind.USER, filter, offset, page(max)).stream().map(this::userView).toList();
    }

    public GroupView createGroup(Actor actor, String name, String displayName, Set<PrincipalId> members) {
        actor.requireAdministrator(WHAT);
        Principal group = createGroup(name, displayName);
        if (members != null) {
            members.forEach(member -> addMember(group, member));
        }
        GroupView created = GroupView.of(group);
        audit.created(actor, "New-Group", group.principalId().toString(), created);
        return created;
    }

    public GroupView updateGroup(Actor actor, String name, String displayName, AccessList members,
            String expectedTag) {
        actor.requireAdministrator(WHAT);
        Principal group = locks.lockForUpdate(require(PrincipalId.group(name)));
        GroupView before = GroupView.of(group);
        ItemTags.require(expectedTag, before, group.principalId().toString());
        if (displayName != null) {
            group.rename(displayName);
        }
        if (members != null) {
            Set<PrincipalId> target = new LinkedHashSet<>(group.members());
            Set<PrincipalId> additions = members.additionsTo(target);
            members.applyTo(target);
            for (PrincipalId member : Set.copyOf(group.members())) {
                if (!target.contains(member)) {
                    group.removeMember(member);
                }
            }
            additions.forEach(member -> addMember(group, member));
        }
        GroupView after = GroupView.of(group);
        audit.changed(actor, "Set-Group", group.principalId().toString(), before, after);
        return after;
    }

    /** Removes the group and its place in other groups; access lists naming it keep the name. */
    public void removeGroup(Actor actor, String name) {
        actor.requireAdministrator(WHAT);
        Principal group = locks.lockForUpdate(require(PrincipalId.group(name)));
        GroupView before = GroupView.of(group);
        principals.groupsOf(group.principalId()).forEach(outer -> outer.removeMember(group.principalId()));
        principals.remove(group);
        audit.removed(actor, "Remove-Group", group.principalId().toString(), before);
    }

    public GroupView group(Actor actor, String name) {
        actor.requireAdministrator(WHAT);
        return GroupView.of(require(PrincipalId.group(name)));
    }

    public List<GroupView> groups(Actor actor, String filter, int offset, int max) {
        actor.requireAdministrator(WHAT);
        return principals.search(PrincipalKind.GROUP, filter, offset, page(max)).stream().map(GroupView::of).toList();
    }

    public Principal createUser(String sipAddress, String displayName, String organizationalUnit, String site) {
        PrincipalId id = PrincipalId.user(sipAddress);
        requireAbsent(id);
        Principal user = Principal.user(id, displayName);
        user.placeIn(organizationalUnit == null ? null : PrincipalId.ou(organizationalUnit));
        user.homeOn(site);
        principals.add(user);
        return user;
    }

    public Principal createGroup(String name, String displayName) {
        PrincipalId id = PrincipalId.group(name);
        requireAbsent(id);
        Principal group = Principal.group(id, displayName);
        principals.add(group);
        return group;
    }

    public void addToGroup(String group, String member) {
        addMember(require(PrincipalId.group(group)), PrincipalId.parse(member));
    }

    public void removeFromGroup(String group, String member) {
        if (!require(PrincipalId.group(group)).removeMember(PrincipalId.parse(member))) {
            throw DomainException.notFound(member + " is not a member of group " + group);
        }
    }

    public void setPassword(String user, String password) {
        credentials.setPassword(require(PrincipalId.user(user)).principalId(), password);
    }

    public boolean verifyPassword(String user, String password) {
        return credentials.verifyPassword(PrincipalId.user(user), password);
    }

    /** SIP Digest's HA1 for a user and the username the client sent; empty for unknown users. */
    public Optional<String> digestHa1(String user, String digestUsername) {
        return credentials.digestHa1(PrincipalId.user(user), digestUsername);
    }

    public void grantPolicy(String user, String policyTag) {
        require(PrincipalId.user(user)).grantPolicy(policyTag);
    }

    public void remove(String principal) {
        Principal found = require(PrincipalId.parse(principal));
        if (found.isUser()) {
            credentials.remove(found.principalId());
        }
        principals.remove(found);
    }

    public Principal find(String principal) {
        return require(PrincipalId.parse(principal));
    }

    public boolean exists(PrincipalId id) {
        return principals.find(id).isPresent();
    }

    public List<Principal> search(PrincipalKind kind, String filter, int maxResults) {
        return principals.search(kind, filter, Math.min(Math.max(maxResults, 1), 1000));
    }

    public Affiliations affiliationsOf(PrincipalId id) {
        return new AffiliationResolver(principals).resolve(id);
    }

    /**
     * The actor for a known user; members of the administrators group act as administrators.
     * Kept between calls ({@link DirectoryCache}).
     */
    public Actor actorFor(String user) {
        return cache.actorFor(user, () -> resolveActor(user));
    }

    /** The actor for a user, or nothing if the directory no longer has them; fails no transaction. */
    public Optional<Actor> knownActor(String user) {
        try {
            return Optional.of(actorFor(user));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    /**
     * The affiliations of these users as their kept actors have them (one call for a room's
     * roster instead of a directory read per user); users the directory no longer has are left out.
     */
    public Map<PrincipalId, Affiliations> keptAffiliationsOf(Collection<PrincipalId> users) {
        Map<PrincipalId, Affiliations> affiliations = new HashMap<>();
        for (PrincipalId user : users) { // one deleted while in a room is no longer anybody's manager
            knownActor(user.name()).ifPresent(actor -> affiliations.put(user, actor.affiliations()));
        }
        return affiliations;
    }

    private Actor resolveActor(String user) {
        PrincipalId id = require(PrincipalId.user(user)).principalId();
        Affiliations affiliations = affiliationsOf(id);
        return new Actor(id, affiliations, affiliations.contains(settings.administratorsGroup()));
    }

    /** Joins and leaves groups as the modifier says; groups named without a prefix are groups. */
    private void changeGroups(PrincipalId user, AccessList change) {
        Set<PrincipalId> current = new LinkedHashSet<>();
        principals.groupsOf(user).forEach(group -> current.add(group.principalId()));
        Set<PrincipalId> target = new LinkedHashSet<>(current);
        change.applyTo(target);
        for (PrincipalId group : current) {
            if (!target.contains(group)) {
                require(group).removeMember(user);
            }
        }
        for (PrincipalId group : target) {
            if (group.kind() != PrincipalKind.GROUP) {
                throw DomainException.invalid("not a group: " + group);
            }
            if (!current.contains(group)) {
                require(group).addMember(user);
            }
        }
    }

    private void addMember(Principal group, PrincipalId member) {
        if (member.kind() == PrincipalKind.USER || member.kind() == PrincipalKind.GROUP) {
            require(member);
        }
        group.addMember(member);
    }

    private UserView userView(Principal user) {
        return UserView.of(user, principals.groupsOf(user.principalId()));
    }

    private Principal requireUser(String sipAddress) {
        return require(PrincipalId.user(sipAddress));
    }

    private Principal require(PrincipalId id) {
        return principals.find(id).orElseThrow(() -> DomainException.notFound("no such principal: " + id));
    }

    private void requireAbsent(PrincipalId id) {
        if (principals.find(id).isPresent()) {
            throw DomainException.conflict(id + " already exists");
        }
    }

    private static int page(int max) {
        return Math.max(1, Math.min(max, MAX_PAGE));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
