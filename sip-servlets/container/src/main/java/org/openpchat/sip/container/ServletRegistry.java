package org.openpchat.sip.container;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The deployed SIP servlets, and the choice of one for an initial request. */
final class ServletRegistry {

    private final List<ServletEndpoint> endpoints = new CopyOnWriteArrayList<>();

    void add(ServletEndpoint endpoint) {
        endpoints.add(endpoint);
        endpoints.sort(Comparator.comparingInt(e -> e.rule().order()));
    }

    void remove(jakarta.resource.spi.endpoint.MessageEndpointFactory factory) {
        endpoints.removeIf(e -> e.factory() == factory);
    }

    Optional<ServletEndpoint> select(String method, String uriUser, String uriHost) {
        return endpoints.stream().filter(e -> e.rule().matches(method, uriUser, uriHost)).findFirst();
    }

    Optional<ServletEndpoint> byName(String name) {
        return endpoints.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
