package org.openpchat.chat.sip.xccos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XccosElementTest {

    private static XccosElement element(String kind, String id) {
        return new XccosElement(kind, id, "1", new XmlNode(kind, Map.of(), "", List.of()));
    }

    @Test
    void theCommandNameIsWhatFollowsTheColon() {
        assertThat(element("cmd", "cmd:join").commandName()).isEqualTo("join");
        assertThat(element("cmd", ":join").commandName()).isEqualTo("join");
        assertThat(element("cmd", "join").commandName()).isEqualTo("join");
        assertThat(element("cmd", null).commandName()).isNull();
    }

    @Test
    void onlyACmdIsACommandAndOnlyAGrpchatIsAPost() {
        assertThat(element("cmd", "cmd:join").isCommand()).isTrue();
        assertThat(element("cmd", "cmd:join").isPost()).isFalse();
        assertThat(element("grpchat", "grpchat").isPost()).isTrue();
        assertThat(element("grpchat", "grpchat").isCommand()).isFalse();
        assertThat(element("rpl", "rpl:join").isPost()).isFalse();
    }

    @Test
    void anElementWithoutDataHasAnEmptyOne() {
        assertThat(element("cmd", "cmd:getserverinfo").data().children()).isEmpty();
    }
}
