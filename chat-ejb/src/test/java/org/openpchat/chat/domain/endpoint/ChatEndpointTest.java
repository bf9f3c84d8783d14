package org.openpchat.chat.domain.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.shared.DomainException;

class ChatEndpointTest {

    @Test
    void addressesAreSipUrisInLowerCase() {
        assertThat(new ChatEndpoint(" SIP:OCSChat@Example.com ", "Legacy").sipAddress())
                .isEqualTo("sip:ocschat@example.com");
    }

    @Test
    void anythingButUserAtHostIsRefused() {
        for (String bad : new String[] {"ocschat@example.com", "sip:example.com", "sip:a@b@c", "sip:a@", "sip:a b@c",
            "sip:a@b;transport=tcp", ""}) {
            assertThatThrownBy(() -> ChatEndpoint.normalise(bad)).as(bad).isInstanceOf(DomainException.class);
        }
    }

    @Test
    void anAddressWithoutAUserIsRefused() {
        assertThatThrownBy(() -> ChatEndpoint.normalise("sip:@example.com")).isInstanceOf(DomainException.class);
    }

    @Test
    void keepsItsDisplayNameAndHasNoIdUntilStored() {
        ChatEndpoint endpoint = new ChatEndpoint("sip:PChat@Example.com", "Persistent Chat");

        assertThat(endpoint.sipAddress()).isEqualTo("sip:pchat@example.com");
        assertThat(endpoint.displayName()).isEqualTo("Persistent Chat");
        assertThat(endpoint.id()).isNull();
    }
}
