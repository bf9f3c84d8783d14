package org.openpchat.chat.application.directory;

import java.io.Serializable;
import java.util.List;

/**
 * One line of a user import: null or empty fields leave the user's value as it is; groups are
 * joined (created when missing), never left.
 */
public record ImportedUser(int line, String uri, String displayName, String password, List<String> groups,
        String organizationalUnit, String site, String policy) implements Serializable {

    public ImportedUser {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    @Override
    public String toString() {
        return "ImportedUser[line=" + line + ", uri=" + uri + "]";
    }
}
