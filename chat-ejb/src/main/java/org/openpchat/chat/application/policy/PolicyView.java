package org.openpchat.chat.application.policy;

import java.io.Serializable;
import org.openpchat.chat.domain.policy.ChatPolicy;

/** A Persistent Chat policy (Get-CsPersistentChatPolicy). */
public record PolicyView(String identity, boolean enablePersistentChat, String description) implements Serializable {

    public static PolicyView of(ChatPolicy policy) {
        return new PolicyView(policy.scope().identity(), policy.enablePersistentChat(), policy.description());
    }
}
