package org.openpchat.load.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageFramerTest {

    private static final String INFO = "INFO sip:a@b SIP/2.0\r\nCall-ID: 1\r\nContent-Length: 5\r\n\r\nhello";
    private static final String OK = "SIP/2.0 200 OK\r\nl: 0\r\n\r\n";

    private final MessageFramer framer = new MessageFramer();

    @Test
    void cutsMessagesByTheirContentLengthAndSkipsKeepAlives() {
        feed("\r\n\r\n" + INFO + OK + "\r\n");

        assertThat(next()).isEqualTo(INFO);
        assertThat(next()).isEqualTo(OK);
        assertThat(framer.next()).isNull();
    }

    @Test
    void waitsForTheRestOfAMessageSplitAnywhere() {
        for (int cut = 1; cut < INFO.length(); cut++) {
            MessageFramer split = new MessageFramer();
            split.append(bytes(INFO.substring(0, cut)));
            assertThat(split.next()).as("cut at " + cut).isNull();
            split.append(bytes(INFO.substring(cut)));
            assertThat(new String(split.next(), StandardCharsets.UTF_8)).as("cut at " + cut).isEqualTo(INFO);
        }
    }

    @Test
    void readsTheLengthInAnyCaseAndSpacingAndItsCompactForm() {
        feed("INFO sip:a@b SIP/2.0\r\nX-Content-Length: 9\r\ncontent-LENGTH \t: 3\r\n\r\nabc"
                + "INFO sip:a@b SIP/2.0\r\nL:2\r\n\r\nde" + "INFO sip:a@b SIP/2.0\r\nCall-ID: 1\r\n\r\n" + OK);

        assertThat(next()).endsWith("\r\n\r\nabc");
        assertThat(next()).endsWith("\r\n\r\nde");
        assertThat(next()).endsWith("Call-ID: 1\r\n\r\n");
        assertThat(next()).isEqualTo(OK);
    }

    @Test
    void growsForLargeBodies() {
        String body = "x".repeat(100_000);
        feed("INFO sip:a@b SIP/2.0\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

        assertThat(next()).endsWith(body);
    }

    @Test
    void refusesAnEndlessHeadAndABodyTooLarge() {
        feed("INFO sip:a@b SIP/2.0\r\nX: " + "y".repeat(MessageFramer.MAX_HEAD));
        assertThatThrownBy(framer::next).hasMessageContaining("head");

        MessageFramer other = new MessageFramer();
        other.append(bytes("INFO sip:a@b SIP/2.0\r\nContent-Length: 999999999\r\n\r\n"));
        assertThatThrownBy(other::next).hasMessageContaining("Content-Length");
    }

    private void feed(String text) {
        framer.append(bytes(text));
    }

    private String next() {
        return new String(framer.next(), StandardCharsets.UTF_8);
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
