package org.openpchat.web.console;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.AccessList;

/**
 * A user's groups as the console's forms write them: bare names ({@code staff}) or principals
 * ({@code group:staff}), as the API's {@code groups} takes them; an edit is sent as what it adds
 * and removes, so memberships the administrator left alone are not rewritten.
 */
public final class GroupNames {

    private GroupNames() {
    }

    /** The names shown in a form for the principals of a view ({@code group:staff} becomes {@code staff}). */
    public static List<String> shown(List<String> principals) {
        return principals.stream().map(p -> p.startsWith("group:") ? p.substring("group:".length()) : p).toList();
    }

    public static Set<PrincipalId> parse(List<String> entries) {
        Set<PrincipalId> ids = new LinkedHashSet<>();
        if (entries != null) {
            for (String entry : entries) {
                if (entry != null && !entry.isBlank()) {
                    String written = entry.strip();
                    ids.add(written.indexOf(':') < 0 ? PrincipalId.group(written) : PrincipalId.parse(written));
                }
            }
        }
        return ids;
    }

    /** The groups of a new user, or null when there are none. */
    public static AccessList initial(List<String> entries) {
        Set<PrincipalId> ids = parse(entries);
        return ids.isEmpty() ? null : AccessList.replacing(ids);
    }

    /** What turns {@code before} into {@code after}, or null when they name the same groups. */
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
