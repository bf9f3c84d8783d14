package org.openpchat.chat.domain.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Chat endpoints held in a list, for use case tests; counts how often all were locked. */
public class InMemoryEndpoints implements ChatEndpointRepository {

    private final List<ChatEndpoint> endpoints = new ArrayList<>();
    private int locks;

    @Override
    public Optional<ChatEndpoint> find(String sipAddress) {
        return endpoints.stream().filter(endpoint -> endpoint.sipAddress().equals(sipAddress)).findFirst();
    }

    @Override
    public List<ChatEndpoint> all() {
        return List.copyOf(endpoints);
    }

    @Override
    public int lockAll() {
        locks++;
        return endpoints.size();
    }

    @Override
    public void add(ChatEndpoint endpoint) {
        endpoints.add(endpoint);
    }

    @Override
    public void remove(ChatEndpoint endpoint) {
        endpoints.remove(endpoint);
    }

    public int locks() {
        return locks;
    }
}
