package org.openpchat.chat.domain.principal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands a principal into its {@link Affiliations}: nested groups are followed to any depth and
 * cycles between groups are tolerated.
 */
public final class AffiliationResolver {

    private final PrincipalRepository principals;

    public AffiliationResolver(PrincipalRepository principals) {
        this.principals = principals;
    }

    public Affiliations resolve(PrincipalId start) {
        Set<PrincipalId> result = new LinkedHashSet<>();
        Deque<PrincipalId> pending = new ArrayDeque<>();
        pending.add(start);
        while (!pending.isEmpty()) {
            PrincipalId current = pending.poll();
            if (result.add(current)) {
                pending.addAll(enclosingScopes(current));
                pending.addAll(principals.groupsDirectlyContaining(current));
            }
        }
        return new Affiliations(result);
    }

    /** The OU directly above, and for a user its SIP domain. */
    private List<PrincipalId> enclosingScopes(PrincipalId id) {
        List<PrincipalId> scopes = new ArrayList<>();
        switch (id.kind()) {
            case OU -> {
                List<PrincipalId> ancestry = id.ouAncestry();
                if (ancestry.size() > 1) {
                    scopes.add(ancestry.get(1));
                }
            }
            case USER, GROUP -> {
                if (id.kind() == PrincipalKind.USER) {
                    scopes.add(PrincipalId.domain(id.sipDomain()));
                }
                principals.find(id).map(Principal::organizationalUnit).ifPresent(scopes::add);
            }
            default -> {
            }
        }
        return scopes;
    }
}
