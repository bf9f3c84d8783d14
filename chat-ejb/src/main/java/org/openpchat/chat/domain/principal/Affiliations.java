package org.openpchat.chat.domain.principal;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Every principal a principal belongs to: itself, the groups that contain it (nested groups
 * included), its OU and the OUs above it, and its SIP domain. An access list names principals;
 * a principal matches the list when its affiliations and the list meet.
 */
public final class Affiliations implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Set<PrincipalId> ids;

    public Affiliations(Collection<PrincipalId> ids) {
        this.ids = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
    }

    public static Affiliations none() {
        return new Affiliations(Set.of());
    }

    public boolean matchesAny(Collection<PrincipalId> accessList) {
        for (PrincipalId id : accessList) {
            if (ids.contains(id)) {
                return true;
            }
        }
        return false;
    }

    public boolean contains(PrincipalId id) {
        return ids.contains(id);
    }

    public Set<PrincipalId> ids() {
        return ids;
    }

    @Override
    public String toString() {
        return ids.toString();
    }
}
