package org.openpchat.chat.domain.endpoint;

import java.util.List;

/**
 * Which address provisioning and the Lookup step give clients for the chat pool: the server's own
 * pool URI while it is an endpoint, else the first endpoint (by address), so that removing the pool
 * URI moves clients to an address that still answers. Without any endpoint (a database whose
 * defaults are not yet in place) the pool URI.
 */
public final class PoolAddress {

    private PoolAddress() {
    }

    public static String choose(String poolUri, List<ChatEndpoint> endpoints) {
        String own = ChatEndpoint.normalise(poolUri);
        return endpoints.stream().map(ChatEndpoint::sipAddress).filter(own::equals).findFirst()
                .or(() -> endpoints.stream().map(ChatEndpoint::sipAddress).sorted().findFirst())
                .orElse(own);
    }
}
