package org.openpchat.chat.domain.endpoint;

import java.util.List;
import java.util.Optional;

public interface ChatEndpointRepository {

    Optional<ChatEndpoint> find(String sipAddress);

    List<ChatEndpoint> all();

    void add(ChatEndpoint endpoint);

    void remove(ChatEndpoint endpoint);
}
