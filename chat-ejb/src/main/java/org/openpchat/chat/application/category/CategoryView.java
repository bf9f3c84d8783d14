package org.openpchat.chat.application.category;

import java.io.Serializable;
import java.util.List;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.principal.PrincipalId;

/** A category as administrators see it (Get-CsPersistentChatCategory). */
public record CategoryView(String name, String description, List<String> allowedMembers,
        List<String> deniedMembers, List<String> creators, boolean fileUpload, boolean invitations,
        boolean chatHistory) implements Serializable {

    public static CategoryView of(Category category) {
        return new CategoryView(category.name(), category.description(), texts(category.allowedMembers()),
                texts(category.deniedMembers()), texts(category.creators()), category.fileUploadEnabled(),
                category.invitationsEnabled(), category.chatHistoryEnabled());
    }

    static List<String> texts(java.util.Collection<PrincipalId> ids) {
        return ids.stream().map(PrincipalId::toString).sorted().toList();
    }
}
