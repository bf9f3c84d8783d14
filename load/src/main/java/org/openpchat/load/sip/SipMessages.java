package org.openpchat.load.sip;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** Builds and parses SIP messages with JAIN-SIP's factories and parser (no stack, no sockets). */
final class SipMessages {

    static final AddressFactoryImpl ADDRESSES = new AddressFactoryImpl();
    static final HeaderFactoryImpl HEADERS = new HeaderFactoryImpl();
    static final MessageFactoryImpl MESSAGES = new MessageFactoryImpl();

    private SipMessages() {
    }

    /** What a request needs besides its method and URI. */
    record Call(String callId, Address from, String fromTag, Address to, String toTag, String viaHost, int viaPort) {
    }

    static Request request(String method, String requestUri, Call call, long cseq, Address contact,
            String contentType, String body) {
        try {
            ViaHeader via = HEADERS.createViaHeader(call.viaHost(), call.viaPort(), "tcp", branch());
            Request request = MESSAGES.createRequest(ADDRESSES.createURI(requestUri), method,
                    HEADERS.createCallIdHeader(call.callId()), HEADERS.createCSeqHeader(cseq, method),
                    HEADERS.createFromHeader(call.from(), call.fromTag()),
                    HEADERS.createToHeader(call.to(), call.toTag()), List.of(via), HEADERS.createMaxForwardsHeader(70));
            if (contact != null) {
                request.addHeader(HEADERS.createContactHeader(contact));
            }
            if (body != null) {
                String[] type = contentType.split("/", 2);
                request.setContent(body.getBytes(StandardCharsets.UTF_8), HEADERS.createContentTypeHeader(type[0], type[1]));
            }
            return request;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build " + method + " to " + requestUri + ": " + e.getMessage(), e);
        }
    }

    static Address address(String uri) {
        try {
            return ADDRESSES.createAddress(uri);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a SIP address: " + uri, e);
        }
    }

    static Address contact(String user, String host, int port) {
        try {
            SipURI uri = ADDRESSES.createSipURI(user, host);
            uri.setPort(port);
            uri.setTransportParam("tcp");
            return ADDRESSES.createAddress(uri);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static SIPMessage parse(byte[] message) throws ParseException {
        return new StringMsgParser().parseSIPMessage(message, true, false, null);
    }

    static String token() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    private static String branch() {
        return "z9hG4bK" + token();
    }
}
