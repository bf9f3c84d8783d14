package org.openpchat.chat.domain.endpoint;

import java.util.List;
import java.util.Optional;

public interface ChatEndpointRepository {

    Optional<ChatEndpoint> find(String sipAddress);

    List<ChatEndpoint> all();

    /** Locks every endpoint until the transaction ends (so two removals cannot leave none); returns their number. */
    int lockAll();

    void add(ChatEndpoint endpoint);

    void remove(ChatEndpoint endpoint);
}
