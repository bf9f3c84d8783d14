package org.openpchat.chat.application.directory;

import java.io.Serializable;
import java.util.List;
import org.openpchat.chat.domain.principal.Principal;

/** A user as administrators see it; {@code groups} are the groups that list the user directly. */
public record UserView(String uri, String displayName, List<String> groups, String organizationalUnit,
        String site, String policy) implements Serializable {

    public static UserView of(Principal user, List<Principal> groups) {
        return new UserView(user.principalId().toString(), user.displayName(),
                groups.stream().map(group -> group.principalId().toString()).sorted().toList(),
                user.organizationalUnit() == null ? null : user.organizationalUnit().name(), user.site(),
                user.policyTag());
    }
}
