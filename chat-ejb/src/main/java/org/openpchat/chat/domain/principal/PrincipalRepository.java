package org.openpchat.chat.domain.principal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public interface PrincipalRepository {

    Optional<Principal> find(PrincipalId id);

    /** Those of the principals that exist, by id (a batch at a time). */
    Map<PrincipalId, Principal> findAll(Collection<PrincipalId> ids);

    /** The groups that list the given principal as a direct member. */
    Set<PrincipalId> groupsDirectlyContaining(PrincipalId member);

    /** Users and groups of the given kind whose name or display name contains the filter. */
    List<Principal> search(PrincipalKind kind, String filter, int maxResults);

    /** Users and groups of the given kind, in key order, skipping the first {@code offset}. */
    List<Principal> search(PrincipalKind kind, String filter, int offset, int maxResults);

    /** Users granted the per-user policy with this tag. */
    long countWithPolicy(String tag);

    /** The groups that list the given principal directly, as principals. */
    List<Principal> groupsOf(PrincipalId member);

    void add(Principal principal);

    void remove(Principal principal);
}
