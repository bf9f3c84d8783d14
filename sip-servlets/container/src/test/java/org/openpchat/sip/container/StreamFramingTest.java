package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.SIPMessageListener;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.SipFactory;
import javax.sip.SipStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Framing on a real JAIN-SIP stack's parser; the bytes come in as a socket would cut them. */
class StreamFramingTest {

    private static SipStack stack;
    private static ConnectionOrderedExecutor inbound;

    private final List<SIPMessage> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger pongs = new AtomicInteger();
    private final SIPMessageListener connection = new SIPMessageListener() {
        @Override
        public void processMessage(SIPMessage message) {
            received.add(message);
        }

        @Override
        public void sendSingleCLRF() {
            pongs.incrementAndGet();
        }

        @Override
        public void handleException(ParseException e, SIPMessage message, Class headerClass, String header,
                String text) throws ParseException {
            throw e;
        }
    };

    @BeforeAll
    static void createStack() throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "stream-framing-test");
        stack = factory.createSipStack(properties);
        inbound = new ConnectionOrderedExecutor(2, waited -> { }); // where the container's framing hands messages on
        inbound.installIn();
    }

    @AfterAll
    static void stopStack() {
        stack.stop();
        inbound.close();
    }

    private StreamFraming framing(int maxMessageSize) {
        return new StreamFraming((SIPTransactionStack) stack, connection, maxMessageSize);
    }

    private static String options(String callIdHeader, String lengthHeader, String body) {
        return "OPTIONS sip:pchat@example.com SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5099;branch=z9hG4bK-1\r\n"
                + "From: <sip:alice@example.com>;tag=1\r\nTo: <sip:pchat@example.com>\r\n" + callIdHeader + "\r\n"
                + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n" + lengthHeader + "\r\n\r\n" + body;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void awaitReceived(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(received).hasSize(count);
    }

    @Test
    void messagesCutAnywhereArriveWholeAndInOrder() throws Exception {
        StreamFraming framing = framing(64 * 1024);
        String stream = options("Call-ID: a", "Content-Length: 5", "hello") + options("Call-ID: a", "Content-Length: 0", "")
                + options("Call-ID: a", "Content-Length: 3", "end");
        byte[] all = bytes(stream);
        for (int i = 0; i < all.length; i += 7) {
            framing.addBytes(java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + 7)));
        }
        awaitReceived(3);
        assertThat(received).extracting(m -> new String(m.getRawContent() == null ? new byte[0] : m.getRawContent(),
                StandardCharsets.UTF_8)).containsExactly("hello", "", "end");
    }

    @Test
    void compactAndOddlyWrittenHeaderNamesFrameTheMessage() throws Exception {
        StreamFraming framing = framing(64 * 1024);
        framing.addBytes(bytes(options("i: compact", "l: 4", "body") + options("cALL-iD : spaced", "CONTENT-length :\r\n 2", "ok")));
        awaitReceived(2);
        assertThat(received).extracting(m -> m.getCallId().getCallId()).containsExactly("compact", "spaced");
        assertThat(new String(received.get(1).getRawContent(), StandardCharsets.UTF_8)).isEqualTo("ok");
    }

    @Test
    void aDoubleLineBreakIsAPingAndGetsAPong() throws Exception {
        StreamFraming framing = framing(64 * 1024);
        framing.addBytes(bytes("\r\n"));
        framing.addBytes(bytes("\r\n"));
        assertThat(pongs).hasValue(1);
        framing.addBytes(bytes("\r\n" + options("Call-ID: b", "Content-Length: 0", "")));
        awaitReceived(1);
        assertThat(pongs).as("a lone CRLF is no ping").hasValue(1);
    }

    @Test
    void aBodyAboveTheLimitIsRefusedBeforeItArrives() {
        StreamFraming framing = framing(4096);
        assertThatThrownBy(() -> framing.addBytes(bytes(options("Call-ID: c", "Content-Length: 2000000000", ""))))
                .isInstanceOf(IOException.class).hasMessageContaining("above 4096");
    }

    @Test
    void headersThatNeverEndAreRefusedAtTheLimit() throws Exception {
        StreamFraming framing = framing(4096);
        framing.addBytes(bytes("OPTIONS sip:pchat@example.com SIP/2.0\r\n"));
        assertThatThrownBy(() -> framing.addBytes(bytes("X-Long: " + "x".repeat(5000) + "\r\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("above 4096");
    }

    @Test
    void aContentLengthThatCannotFrameTheStreamEndsIt() {
        for (String length : List.of("Content-Length: -1", "Content-Length: none", "Content-Length: 99999999999999999999",
                "Content-Length: 0\r\nContent-Length: 5", "Content-Length: 1 2")) {
            assertThatThrownBy(() -> framing(64 * 1024).addBytes(bytes(options("Call-ID: d", length, ""))))
                    .as(length).isInstanceOf(IOException.class);
        }
    }

    @Test
    void twoEqualContentLengthsAreOne() throws Exception {
        framing(64 * 1024).addBytes(bytes(options("Call-ID: e", "Content-Length: 2\r\nl: 2", "ok")));
        awaitReceived(1);
    }

    @Test
    void anAnswerNobodyReadsIsDroppedUnparsed() throws Exception {
        StreamFraming framing = framing(64 * 1024);
        framing.addBytes(bytes("SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP 127.0.0.1:5060;branch=" + UnreadAnswers.newBranch()
                + "\r\nCall-ID: f\r\nCSeq: 3 INFO\r\nContent-Length: 0\r\n\r\n"
                + options("Call-ID: g", "Content-Length: 0", "")));
        awaitReceived(1);
        Thread.sleep(200);
        assertThat(received).extracting(m -> m.getCallId().getCallId()).containsExactly("g");
    }

    @Test
    void aMessageWithoutCallIdEndsTheStream() {
        assertThatThrownBy(() -> framing(64 * 1024).addBytes(bytes(options("X-No: call", "Content-Length: 0", ""))))
                .isInstanceOf(IOException.class).hasMessageContaining("Call-ID");
    }
}
