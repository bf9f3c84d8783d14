package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.resource.ResourceException;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.sip.xccos.XccosEnvelope;
import org.openpchat.chat.sip.xccos.XccosParser;
import org.openpchat.sip.servlet.SipConnection;
import org.openpchat.sip.servlet.SipConnectionFactory;

class PostSheddingTest {

    private static final String NS = "urn:parlano:xml:ns:xccos";
    private static final XccosEnvelope POST = new XccosParser().parse("<xccos ver=\"1\" envid=\"7\" xmlns=\"" + NS + "\">"
            + "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"ma-chan://example.com/r\" author=\"sip:alice@example.com\">"
            + "<chat>hello</chat></grpchat></xccos>");
    private static final XccosEnvelope JOIN = new XccosParser().parse("<xccos ver=\"1\" envid=\"8\" xmlns=\"" + NS + "\">"
            + "<cmd id=\"cmd:join\" seqid=\"1\"><data><chanid key=\"0\" domain=\"example.com\" value=\"r\"/></data></cmd></xccos>");

    private final PostShedding shedding = new PostShedding(200);

    @Test
    void aPostWhileTheServerIsBehindIsRefused503WithRetryAfter() {
        AnsweredRequest info = new AnsweredRequest("s-alice");

        assertThat(shedding.refuses(info.request(), POST, late(201))).isTrue();

        assertThat(info.answers).singleElement().satisfies(answer -> {
            assertThat(answer.status).isEqualTo(503);
            assertThat(answer.reason).isEqualTo("Server busy (201 ms behind); nothing was posted");
            assertThat(answer.headers).containsEntry("Retry-After", "1");
            assertThat(answer.sent).isTrue();
        });
    }

    @Test
    void aPostWithinTheLimitGoesAhead() {
        AnsweredRequest info = new AnsweredRequest("s-alice");

        assertThat(shedding.refuses(info.request(), POST, late(200))).isFalse();
        assertThat(info.answers).isEmpty();
    }

    @Test
    void commandsRunWhateverTheDelay() {
        AnsweredRequest info = new AnsweredRequest("s-alice");

        assertThat(shedding.refuses(info.request(), JOIN, late(60_000))).isFalse();
        assertThat(info.answers).isEmpty();
    }

    @Test
    void withoutAConnectionToMeasureWithThePostGoesAhead() {
        SipConnectionFactory failing = new SipConnectionFactory() {
            @Override
            public SipConnection getConnection() throws ResourceException {
                throw new ResourceException("no connection");
            }

            @Override
            public void setReference(javax.naming.Reference reference) {
            }

            @Override
            public javax.naming.Reference getReference() {
                return null;
            }
        };
        AnsweredRequest info = new AnsweredRequest("s-alice");

        assertThat(shedding.refuses(info.request(), POST, failing)).isFalse();
        assertThat(info.answers).isEmpty();
    }

    @Test
    void theLimitIsAnOption() {
        assertThat(PostShedding.configured()).extracting("maxDelayMillis").isEqualTo(200L);
    }

    private static SipConnectionFactory late(long millis) {
        SipConnection connection = AnsweredRequest.fake(SipConnection.class, (name, args) -> switch (name) {
            case "getDeliveryDelayMillis" -> millis;
            case "close" -> null;
            default -> throw new UnsupportedOperationException(name);
        });
        return new SipConnectionFactory() {
            @Override
            public SipConnection getConnection() {
                return connection;
            }

            @Override
            public void setReference(javax.naming.Reference reference) {
            }

            @Override
            public javax.naming.Reference getReference() {
                return null;
            }
        };
    }
}
