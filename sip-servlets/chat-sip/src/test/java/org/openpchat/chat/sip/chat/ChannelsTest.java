package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.sip.xccos.XccosException;
import org.openpchat.chat.sip.xccos.XccosStatus;
import org.openpchat.chat.sip.xccos.XmlNode;

class ChannelsTest {

    private static XmlNode node(String name, Map<String, String> attributes) {
        return new XmlNode(name, attributes, "", List.of());
    }

    @Test
    void aChannelUriKeepsItsIdAndGetsItsDomainInLowerCase() {
        assertThat(Channels.fromUriAttribute(node("grpchat", Map.of("chanUri", "MA-CHAN://Example.COM/AbC")), "chanUri"))
                .isEqualTo("ma-chan://example.com/AbC");
        assertThat(Channels.fromChanid(node("chanid", Map.of("domain", "Example.com", "value", "AbC"))))
                .isEqualTo("ma-chan://example.com/AbC");
    }

    @Test
    void aUriWithoutDomainOrIdOrWithMorePartsIsABadRequest() {
        for (String bad : List.of("ma-chan:///abc", "ma-chan://example.com/", "ma-chan://example.com",
                "ma-chan://example.com/a/b", "http://example.com/abc")) {
            assertThatThrownBy(() -> Channels.fromUriAttribute(node("grpchat", Map.of("uri", bad)), "uri")).as(bad)
                    .isInstanceOfSatisfying(XccosException.class,
                            e -> assertThat(e.status()).isEqualTo(XccosStatus.BAD_REQUEST));
        }
        assertThatThrownBy(() -> Channels.fromChanid(node("chanid", Map.of("domain", "example.com", "value", ""))))
                .isInstanceOf(XccosException.class);
    }
}
