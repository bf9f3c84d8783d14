package org.openpchat.chat.application.directory;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.principal.AffiliationResolver;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.CredentialStore;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.principal.PrincipalKind;
import org.openpchat.chat.domain.principal.PrincipalRepository;
import org.openpchat.chat.domain.shared.DomainException;

/** Users, groups and group membership: the server's copy of the directory. */
@Stateless
public class DirectoryService {

    @Inject
    private PrincipalRepository principals;
    @Inject
    private CredentialStore credentials;
    @Inject
    private ChatServerSettings settings;

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
        PrincipalId memberId = PrincipalId.parse(member);
        if (memberId.kind() == PrincipalKind.USER || memberId.kind() == PrincipalKind.GROUP) {
            require(memberId);
        }
        require(PrincipalId.group(group)).addMember(memberId);
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

    public List<Principal> search(PrincipalKind kind, String filter, int maxResults) {
        return principals.search(kind, filter, Math.min(Math.max(maxResults, 1), 1000));
    }

    public Affiliations affiliationsOf(PrincipalId id) {
        return new AffiliationResolver(principals).resolve(id);
    }

    /** The actor for a known user; members of the administrators group act as administrators. */
    public Actor actorFor(String user) {
        PrincipalId id = require(PrincipalId.user(user)).principalId();
        Affiliations affiliations = affiliationsOf(id);
        return new Actor(id, affiliations, affiliations.contains(settings.administratorsGroup()));
    }

    private Principal require(PrincipalId id) {
        return principals.find(id).orElseThrow(() -> DomainException.notFound("no such principal: " + id));
    }

    private void requireAbsent(PrincipalId id) {
        if (principals.find(id).isPresent()) {
            throw DomainException.conflict(id + " already exists");
        }
    }
}
