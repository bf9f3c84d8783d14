package org.openpchat.web.console;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.AccessList;

/**
 * The principal lists of a console form (members, managers, creators...) as the services take
 * them: each entry written as the API writes it ({@code sip:bob@example.com}, {@code group:staff},
 * {@code ou:...}, {@code domain:...}), and an edit sent as what it adds and removes, so a list the
 * administrator left alone is not rewritten.
 */
public final class PrincipalLists {

    private PrincipalLists() {
    }

    /** Parses every entry; a DomainException names the first one that is not a principal. */
    public static Set<PrincipalId> parse(List<String> entries) {
        Set<PrincipalId> ids = new LinkedHashSet<>();
        if (entries != null) {
            for (String entry : entries) {
                if (entry != null && !entry.isBlank()) {
                    ids.add(PrincipalId.parse(entry.strip()));
                }
            }
        }
        return ids;
    }

    /** The whole list of a new item, or null when it is empty. */
    public static AccessList initial(List<String> entries) {
        Set<PrincipalId> ids = parse(entries);
        return ids.isEmpty() ? null : AccessList.replacing(ids);
    }

    /** What turns {@code before} into {@code after}, or null when they hold the same principals. */
    public static AccessList change(List<String> before, List<String> after) {
        Set<PrincipalId> old = parse(before);
        Set<PrincipalId> wanted = parse(after);
        Set<PrincipalId> added = new LinkedHashSet<>(wanted);
        added.removeAll(old);
        Set<PrincipalId> removed = new LinkedHashSet<>(old);
        removed.removeAll(wanted);
        return added.isEmpty() && removed.isEmpty() ? null : new AccessList(added, removed, null);
    }
}
