package org.openpchat.chat.domain.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PoolAddressTest {

    private static final String POOL = "sip:pchat@example.com";

    @Test
    void theOwnPoolUriWhileItIsAnEndpoint() {
        List<ChatEndpoint> endpoints = List.of(endpoint("sip:aaa@example.com"), endpoint("sip:PChat@example.com"),
                endpoint("sip:ocschat@example.com"));

        assertThat(PoolAddress.choose(POOL, endpoints)).isEqualTo(POOL);
    }

    @Test
    void theFirstEndpointByAddressOnceThePoolUriIsRemoved() {
        List<ChatEndpoint> endpoints = List.of(endpoint("sip:ocschat@example.com"), endpoint("sip:chat@example.com"));

        assertThat(PoolAddress.choose(POOL, endpoints)).isEqualTo("sip:chat@example.com");
    }

    @Test
    void thePoolUriWhenThereIsNoEndpoint() {
        assertThat(PoolAddress.choose("sip:PCHAT@Example.com", List.of())).isEqualTo(POOL);
    }

    private static ChatEndpoint endpoint(String address) {
        return new ChatEndpoint(address, null);
    }
}
