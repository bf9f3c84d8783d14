package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.message.SIPRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.sip.address.Address;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

class DialogRequestTemplateTest {

    private static final AddressFactoryImpl ADDRESSES = new AddressFactoryImpl();
    private static final HeaderFactoryImpl HEADERS = new HeaderFactoryImpl();
    private static final MessageFactoryImpl MESSAGES = new MessageFactoryImpl();

    @Test
    void aFilledInTemplateIsByteForByteWhatJainSipEncodes() throws Exception {
        DialogRequestTemplate template = DialogRequestTemplate.of(
                withContentType(info("z9hG4bK-prototype", DialogRequestTemplate.PROTOTYPE_CSEQ)), "TCP");
        byte[] content = "<grpchat> caf\u00e9 </grpchat>".getBytes(StandardCharsets.UTF_8);

        for (long cseq : new long[] {1, 9, 10, 2_147_483_647L}) {
            SIPRequest expected = (SIPRequest) info("z9hG4bK-" + cseq + "-other-length", cseq);
            expected.setContent(content, HEADERS.createContentTypeHeader("text", "plain"));
            expected.getContentTypeHeader().setParameter("charset", "UTF-8");

            assertThat(new String(template.encode("z9hG4bK-" + cseq + "-other-length", cseq, content),
                    StandardCharsets.UTF_8)).isEqualTo(new String(expected.encodeAsBytes("TCP"), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theTransportGoesIntoTheVia() throws Exception {
        DialogRequestTemplate template = DialogRequestTemplate.of(
                withContentType(info("z9hG4bK-p", DialogRequestTemplate.PROTOTYPE_CSEQ)), "TLS");

        assertThat(new String(template.encode("z9hG4bK-x", 2, new byte[] {'a'}), StandardCharsets.UTF_8))
                .contains("Via: SIP/2.0/TLS ", ";branch=z9hG4bK-x\r\n", "CSeq: 2 INFO\r\n")
                .endsWith("Content-Length: 1\r\n\r\na");
    }

    @Test
    void noTemplateForARequestWithoutContentTypeOrWithContent() throws Exception {
        assertThat(DialogRequestTemplate.of(info("z9hG4bK-p", DialogRequestTemplate.PROTOTYPE_CSEQ), "TCP")).isNull();

        Request withContent = info("z9hG4bK-p", DialogRequestTemplate.PROTOTYPE_CSEQ);
        withContent.setContent("x", HEADERS.createContentTypeHeader("text", "plain"));
        assertThat(DialogRequestTemplate.of(withContent, "TCP")).isNull();
    }

    /** An in-dialog INFO as {@link SipSessionImpl} builds one: two routes, a Contact, UTF-8 in a display name. */
    private static Request info(String branch, long cseq) throws Exception {
        Address from = ADDRESSES.createAddress("\"Persistent Chat\" <sip:pchat@example.com>");
        Address to = ADDRESSES.createAddress("\"Ren\u00e9e\" <sip:renee@example.com>");
        Request request = MESSAGES.createRequest(ADDRESSES.createURI("sip:renee@10.0.0.7:51234;transport=tcp"), "INFO",
                HEADERS.createCallIdHeader("5c1e@10.0.0.7"), HEADERS.createCSeqHeader(cseq, "INFO"),
                HEADERS.createFromHeader(from, "server-tag"), HEADERS.createToHeader(to, "client-tag"),
                new ArrayList<>(List.of(HEADERS.createViaHeader("127.0.0.1", 5060, "tcp", branch))),
                HEADERS.createMaxForwardsHeader(70));
        request.addHeader(HEADERS.createRouteHeader(ADDRESSES.createAddress("<sip:proxy1.example.com;lr>")));
        request.addHeader(HEADERS.createRouteHeader(ADDRESSES.createAddress("<sip:proxy2.example.com;lr>")));
        request.setHeader(HEADERS.createContactHeader(ADDRESSES.createAddress("<sip:pchat@127.0.0.1:5060;transport=tcp>")));
        return request;
    }

    private static Request withContentType(Request request) throws Exception {
        var type = HEADERS.createContentTypeHeader("text", "plain");
        type.setParameter("charset", "UTF-8");
        request.setHeader(type);
        return request;
    }
}
