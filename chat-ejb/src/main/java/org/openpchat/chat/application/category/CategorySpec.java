package org.openpchat.chat.application.category;

import java.io.Serializable;

/** New-CsPersistentChatCategory; in a change, null fields stay as they are. */
public record CategorySpec(String name, String description, Boolean fileUpload, Boolean invitations,
        Boolean chatHistory) implements Serializable {

    public static CategorySpec named(String name) {
        return new CategorySpec(name, null, null, null, null);
    }
}
