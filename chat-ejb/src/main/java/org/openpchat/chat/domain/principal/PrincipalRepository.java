package org.openpchat.chat.domain.principal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

public interface PrincipalRepository {

    Optional<Principal> find(PrincipalId id);

    /** The groups that list the given principal as a direct member. */
    Set<PrincipalId> groupsDirectlyContaining(PrincipalId member);

    /** Users and groups of the given kind whose name or display name contains the filter. */
    List<Principal> search(PrincipalKind kind, String filter, int maxResults);

    void add(Principal principal);

    void remove(Principal principal);
}
