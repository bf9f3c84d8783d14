package org.openpchat.chat.application.policy;

import java.io.Serializable;
import org.openpchat.chat.domain.policy.ChatConfiguration;

/** A Persistent Chat configuration (Get-CsPersistentChatConfiguration). */
public record ConfigurationView(String identity, int defaultChatHistory, int maxFileSizeKB,
        int participantUpdateLimit, String roomManagementUrl) implements Serializable {

    public static ConfigurationView of(ChatConfiguration configuration) {
        return new ConfigurationView(configuration.scope().identity(), configuration.defaultChatHistory(),
                configuration.maxFileSizeKb(), configuration.participantUpdateLimit(),
                configuration.roomManagementUrl());
    }
}
