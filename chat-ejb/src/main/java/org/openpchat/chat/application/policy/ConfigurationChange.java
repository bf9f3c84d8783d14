package org.openpchat.chat.application.policy;

import java.io.Serializable;
import org.openpchat.chat.domain.policy.ChatConfiguration;

/** Set-CsPersistentChatConfiguration parameters; null fields stay as they are. */
public record ConfigurationChange(Integer defaultChatHistory, Integer maxFileSizeKb,
        Integer participantUpdateLimit, String roomManagementUrl) implements Serializable {

    public void applyTo(ChatConfiguration configuration) {
        if (defaultChatHistory != null) {
            configuration.changeDefaultChatHistory(defaultChatHistory);
        }
        if (maxFileSizeKb != null) {
            configuration.changeMaxFileSizeKb(maxFileSizeKb);
        }
        if (participantUpdateLimit != null) {
            configuration.changeParticipantUpdateLimit(participantUpdateLimit);
        }
        if (roomManagementUrl != null) {
            configuration.changeRoomManagementUrl(roomManagementUrl);
        }
    }
}
