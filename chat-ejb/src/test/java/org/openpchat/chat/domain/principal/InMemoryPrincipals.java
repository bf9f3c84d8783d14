package org.openpchat.chat.domain.principal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A directory held in a map, for domain tests. */
public class InMemoryPrincipals implements PrincipalRepository {

    private final Map<PrincipalId, Principal> byId = new LinkedHashMap<>();

    public Principal user(String address) {
        Principal user = Principal.user(PrincipalId.user(address), null);
        add(user);
        return user;
    }

    public Principal group(String name, PrincipalId... members) {
        Principal group = Principal.group(PrincipalId.group(name), null);
        for (PrincipalId member : members) {
            group.addMember(member);
        }
        add(group);
        return group;
    }

    public Affiliations affiliationsOf(PrincipalId id) {
        return new AffiliationResolver(this).resolve(id);
    }

    @Override
    public Optional<Principal> find(PrincipalId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Map<PrincipalId, Principal> findAll(java.util.Collection<PrincipalId> ids) {
        Map<PrincipalId, Principal> found = new LinkedHashMap<>();
        ids.forEach(id -> find(id).ifPresent(p -> found.put(id, p)));
        return found;
    }

    @Override
    public Set<PrincipalId> groupsDirectlyContaining(PrincipalId member) {
        return byId.values().stream().filter(p -> p.members().contains(member))
                .map(Principal::principalId).collect(Collectors.toSet());
    }

    @Override
    public List<Principal> search(PrincipalKind kind, String filter, int maxResults) {
        return byId.values().stream().filter(p -> p.principalId().kind() == kind)
                .filter(p -> p.principalId().name().contains(filter)).limit(maxResults).toList();
    }

    @Override
    public List<Principal> search(PrincipalKind kind, String filter, int offset, int maxResults) {
        return search(kind, filter, Integer.MAX_VALUE).stream().skip(offset).limit(maxResults).toList();
    }

    @Override
    public long countWithPolicy(String tag) {
        return byId.values().stream().filter(p -> tag.equalsIgnoreCase(p.policyTag())).count();
    }

    @Override
    public List<Principal> groupsOf(PrincipalId member) {
        return byId.values().stream().filter(p -> p.members().contains(member)).toList();
    }

    @Override
    public void add(Principal principal) {
        byId.put(principal.principalId(), principal);
    }

    @Override
    public void remove(Principal principal) {
        byId.remove(principal.principalId());
    }
}
