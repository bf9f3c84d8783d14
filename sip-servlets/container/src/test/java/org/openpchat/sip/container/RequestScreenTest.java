package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sip.SipFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

class RequestScreenTest {

    private static final String OPTIONS = "OPTIONS sip:pchat@example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n"
            + "From: <sip:a@example.com>;tag=1\r\n"
            + "To: <sip:pchat@example.com>\r\n"
            + "Call-ID: abc-123@host\r\n"
            + "CSeq: 1 OPTIONS\r\n"
            + "Max-Forwards: 70\r\n"
            + "Content-Length: 0\r\n\r\n";

    private final MessageFactory messages;

    RequestScreenTest() throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        messages = factory.createMessageFactory();
    }

    @Test
    void aWellFormedRequestPasses() throws Exception {
        assertThat(RequestScreen.refusal(parse(OPTIONS))).isNull();
    }

    @Test
    void aRequestUriOfAnotherSchemeGets416() throws Exception {
        assertThat(RequestScreen.refusal(parse(OPTIONS.replace("sip:pchat@example.com SIP", "tel:+4930123 SIP"))))
                .isEqualTo(new RequestScreen.Refusal(416, "Unsupported URI Scheme"));
    }

    @Test
    void aCallIdWithControlCharactersOrSpacesGets400() throws Exception {
        assertThat(RequestScreen.refusal(parse(OPTIONS.replace("abc-123@host", "abc\u0000x"))).status())
                .isEqualTo(400);
        assertThat(RequestScreen.refusal(parse(OPTIONS.replace("abc-123@host", "abc\u007fx"))).status())
                .isEqualTo(400);
        assertThat(RequestScreen.refusal(parse(OPTIONS.replace("abc-123@host", "!~x")))).isNull();
    }

    @Test
    void aViaPortAbove65535Gets400() throws Exception {
        assertThat(RequestScreen.refusal(parse(OPTIONS.replace(":5070;", ":65536;"))).reason())
                .isEqualTo("Bad Request (Via port)");
        assertThat(RequestScreen.refusal(parse(OPTIONS.replace(":5070;", ":65535;")))).isNull();
    }

    private Request parse(String text) throws Exception {
        return messages.createRequest(text);
    }
}
