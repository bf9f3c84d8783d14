package org.openpchat.chat.domain.principal;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.chat.domain.shared.Validate;

/**
 * A user or a group known to the server (the cache of the directory that Lync keeps in mgc).
 * Groups hold members, which may be users, other groups, OUs or domains.
 */
public class Principal {

    private Long id;
    private PrincipalId principalId;
    private String displayName;
    /** The distinguished name of the OU holding this principal, or null. */
    private PrincipalId organizationalUnit;
    /** The site a user is homed on (selects site policy and configuration), or null. */
    private String site;
    /** The per-user policy granted to a user (Grant-CsPersistentChatPolicy), or null. */
    private String policyTag;
    private Set<PrincipalId> members = new LinkedHashSet<>();
    private long version;

    protected Principal() {
    }

    private Principal(PrincipalId principalId, String displayName) {
        this.principalId = principalId;
        rename(displayName);
    }

    public static Principal user(PrincipalId id, String displayName) {
        if (id.kind() != PrincipalKind.USER) {
            throw DomainException.invalid("not a user: " + id);
        }
        return new Principal(id, displayName);
    }

    public static Principal group(PrincipalId id, String displayName) {
        if (id.kind() != PrincipalKind.GROUP) {
            throw DomainException.invalid("not a group: " + id);
        }
        return new Principal(id, displayName);
    }

    public void rename(String newDisplayName) {
        this.displayName = newDisplayName == null || newDisplayName.isBlank()
                ? principalId.name()
                : Validate.name(newDisplayName, "display name", 256);
    }

    public void placeIn(PrincipalId ou) {
        if (ou != null && ou.kind() != PrincipalKind.OU) {
            throw DomainException.invalid("not an OU: " + ou);
        }
        this.organizationalUnit = ou;
    }

    public void homeOn(String siteName) {
        this.site = siteName == null || siteName.isBlank() ? null : Validate.name(siteName, "site", 128);
    }

    public void grantPolicy(String tag) {
        requireUser("a policy");
        this.policyTag = tag == null || tag.isBlank() ? null : Validate.name(tag, "policy name", 128);
    }

    public void addMember(PrincipalId member) {
        requireGroup();
        if (member.equals(principalId)) {
            throw DomainException.invalid("a group cannot contain itself: " + member);
        }
        members.add(member);
    }

    public boolean removeMember(PrincipalId member) {
        requireGroup();
        return members.remove(member);
    }

    public boolean isUser() {
        return principalId.kind() == PrincipalKind.USER;
    }

    public boolean isGroup() {
        return principalId.kind() == PrincipalKind.GROUP;
    }

    private void requireGroup() {
        if (!isGroup()) {
            throw DomainException.invalid(principalId + " is not a group");
        }
    }

    private void requireUser(String what) {
        if (!isUser()) {
            throw DomainException.invalid("only users can be granted " + what + ": " + principalId);
        }
    }

    public Long id() {
        return id;
    }

    public PrincipalId principalId() {
        return principalId;
    }

    public String displayName() {
        return displayName;
    }

    public PrincipalId organizationalUnit() {
        return organizationalUnit;
    }

    public String site() {
        return site;
    }

    public String policyTag() {
        return policyTag;
    }

    public Set<PrincipalId> members() {
        return Collections.unmodifiableSet(members);
    }
}
