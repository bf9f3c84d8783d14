package org.openpchat.chat.application.endpoint;

import java.io.Serializable;
import org.openpchat.chat.domain.endpoint.ChatEndpoint;

/** A chat endpoint (Get-CsPersistentChatEndpoint). */
public record EndpointView(String sipAddress, String displayName) implements Serializable {

    public static EndpointView of(ChatEndpoint endpoint) {
        return new EndpointView(endpoint.sipAddress(), endpoint.displayName());
    }
}
