package org.openpchat.chat.domain.shared;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openpchat.chat.domain.principal.PrincipalId;

/** The three list modifiers of the Lync cmdlets: add to, remove from, or replace a principal list. */
public record AccessList(Set<PrincipalId> add, Set<PrincipalId> remove, Set<PrincipalId> replace) {

    public AccessList {
        add = add == null ? Set.of() : Set.copyOf(add);
        remove = remove == null ? Set.of() : Set.copyOf(remove);
        replace = replace == null ? null : Set.copyOf(replace);
        if (replace != null && (!add.isEmpty() || !remove.isEmpty())) {
            throw DomainException.invalid("Replace cannot be combined with Add or Remove");
        }
    }

    public static AccessList adding(PrincipalId... ids) {
        return new AccessList(new LinkedHashSet<>(List.of(ids)), null, null);
    }

    public static AccessList removing(PrincipalId... ids) {
        return new AccessList(null, new LinkedHashSet<>(List.of(ids)), null);
    }

    public static AccessList replacing(Collection<PrincipalId> ids) {
        return new AccessList(null, null, new LinkedHashSet<>(ids));
    }

    /** The principals this modification would add to {@code current}. */
    public Set<PrincipalId> additionsTo(Set<PrincipalId> current) {
        Set<PrincipalId> added = new LinkedHashSet<>(replace != null ? replace : add);
        added.removeAll(current);
        return added;
    }

    public void applyTo(Set<PrincipalId> target) {
        if (replace != null) {
            target.clear();
            target.addAll(replace);
        } else {
            target.removeAll(remove);
            target.addAll(add);
        }
    }
}
