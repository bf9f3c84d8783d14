package org.openpchat.chat.application.category;

import java.io.Serializable;
import org.openpchat.chat.domain.shared.AccessList;

/**
 * New- or Set-CsPersistentChatCategory in one request: the settings (null: unchanged, or the
 * default on creation) and the list modifiers (null: unchanged).
 */
public record CategoryChange(CategorySpec settings, AccessList allowedMembers, AccessList deniedMembers,
        AccessList creators) implements Serializable {

    public CategoryChange {
        settings = settings == null ? new CategorySpec(null, null, null, null, null) : settings;
    }

    public static CategoryChange of(CategorySpec settings) {
        return new CategoryChange(settings, null, null, null);
    }
}
