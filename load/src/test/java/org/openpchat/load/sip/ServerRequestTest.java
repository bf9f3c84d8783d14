package org.openpchat.load.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.junit.jupiter.api.Test;

class ServerRequestTest {

    private static final String INFO = "INFO sip:alice@10.0.0.1:5061;transport=tcp SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bK-one\r\n"
            + "v: SIP/2.0/TCP 10.0.0.9:5060;branch=z9hG4bK-two;received=10.0.0.9\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:pchat@example.com>;tag=server\r\n"
            + "t: \"Alice; the;tag=not-this\" <sip:alice@example.com>;epid=1;TAG=client\r\n"
            + "i: 4711@10.0.0.1\r\n"
            + "CSeq: 12 INFO\r\n"
            + "Contact: <sip:pchat@127.0.0.1:5060;transport=tcp>\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Length: 16\r\n\r\n"
            + "<grpchat/> \u00e9t\u00e9";

    @Test
    void answersWithTheHeadersJainSipCopiesIntoItsOwn200() throws ParseException {
        ServerRequest request = ServerRequest.read(bytes(INFO));
        SIPRequest parsed = (SIPRequest) SipMessages.parse(bytes(INFO));
        SIPResponse expected = parsed.createResponse(200);

        SIPResponse ok = (SIPResponse) SipMessages.parse(request.ok());

        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(ok.getViaHeaders().toString()).isEqualTo(expected.getViaHeaders().toString());
        assertThat(ok.getFrom().toString()).isEqualTo(expected.getFrom().toString());
        assertThat(ok.getTo().toString()).isEqualTo(expected.getTo().toString());
        assertThat(ok.getTo().getTag()).isEqualTo("client");
        assertThat(ok.getCallId().getCallId()).isEqualTo("4711@10.0.0.1");
        assertThat(ok.getCSeq().toString()).isEqualTo(expected.getCSeq().toString());
        assertThat(ok.getContentLength().getContentLength()).isZero();
        assertThat(new String(request.ok(), StandardCharsets.UTF_8)).doesNotContain("Contact", "Max-Forwards", "text/plain");
    }

    @Test
    void readsTheMethodAndTheBody() {
        ServerRequest request = ServerRequest.read(bytes(INFO));

        assertThat(request.method()).isEqualTo("INFO");
        assertThat(request.inDialog()).isTrue();
        assertThat(request.hasBody()).isTrue();
        assertThat(request.body()).isEqualTo("<grpchat/> \u00e9t\u00e9");
    }

    @Test
    void keepsAFoldedLineWithItsHeader() throws ParseException {
        String folded = INFO.replace("From: <sip:pchat@example.com>;tag=server\r\n",
                "From: <sip:pchat@example.com>\r\n ;tag=server\r\n");

        SIPResponse ok = (SIPResponse) SipMessages.parse(ServerRequest.read(bytes(folded)).ok());

        assertThat(ok.getFrom().getTag()).isEqualTo("server");
    }

    @Test
    void aRequestOutsideADialogIsNotAnsweredFromItsBytes() {
        String untagged = INFO.replace(";epid=1;TAG=client", ";epid=1");

        ServerRequest request = ServerRequest.read(bytes(untagged));

        assertThat(request.inDialog()).isFalse();
        assertThatThrownBy(request::ok).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void responsesAndUnendedHeadsAreNoRequests() {
        assertThat(ServerRequest.read(bytes("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n"))).isNull();
        assertThat(ServerRequest.read(bytes("INFO sip:a@b SIP/2.0\r\nCSeq: 1 INFO\r\n"))).isNull();
        assertThat(ServerRequest.read(bytes("garbage"))).isNull();
    }

    @Test
    void aRequestWithoutBody() {
        ServerRequest bye = ServerRequest.read(bytes("BYE sip:a@b SIP/2.0\r\nTo: <sip:a@b>;tag=1\r\nContent-Length: 0\r\n\r\n"));

        assertThat(bye.method()).isEqualTo("BYE");
        assertThat(bye.hasBody()).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
