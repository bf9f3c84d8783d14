package org.openpchat.chat.application.directory;

import java.io.Serializable;
import java.util.List;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalId;

/** A group: its name (without {@code group:}), display name and direct members (principals). */
public record GroupView(String name, String displayName, List<String> members) implements Serializable {

    public static GroupView of(Principal group) {
        return new GroupView(group.principalId().name(), group.displayName(),
                group.members().stream().map(PrincipalId::toString).sorted().toList());
    }
}
