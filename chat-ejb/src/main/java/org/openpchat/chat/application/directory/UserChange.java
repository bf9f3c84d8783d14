package org.openpchat.chat.application.directory;

import java.io.Serializable;
import org.openpchat.chat.domain.shared.AccessList;

/**
 * Creating or changing a user: null fields stay as they are (or are unset on creation); an empty
 * OU or site clears it. {@code groups} names groups (principals {@code group:<name>}) to join or
 * leave; {@code password} is never stored in clear and never shown.
 */
public record UserChange(String displayName, String password, String organizationalUnit, String site,
        AccessList groups) implements Serializable {

    @Override
    public String toString() {
        return "UserChange[displayName=" + displayName + ", password=" + (password == null ? "unchanged" : "***")
                + ", organizationalUnit=" + organizationalUnit + ", site=" + site + ", groups=" + groups + "]";
    }
}
