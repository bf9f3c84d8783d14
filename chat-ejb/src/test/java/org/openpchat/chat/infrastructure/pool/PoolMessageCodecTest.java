package org.openpchat.chat.infrastructure.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.chat.PostedMessage;
import org.openpchat.chat.application.pool.NodeId;
import org.openpchat.chat.application.pool.PoolMessage;
import org.openpchat.chat.domain.principal.PrincipalId;

/** Pool messages survive the trip as bytes exactly; anything else a node did not write is refused. */
class PoolMessageCodecTest {

    private static final NodeId NODE = new NodeId("node1", "5c1e");
    private static final PoolMessage.Posted POSTED = new PoolMessage.Posted(NODE, new PostedMessage("uid-1",
            "ma-chan://example.com/uid-1", 42, PrincipalId.user("alice@example.com"),
            Instant.parse("2026-12-03T10:00:00.123456Z"), "héllo ✓ <b>&amp;</b>"));

    @Test
    void aPostComesBackAsItWasSent() throws Exception {
        assertThat(PoolMessageCodec.decode(PoolMessageCodec.encode(POSTED))).isEqualTo(POSTED);
    }

    @Test
    void aBeatComesBackAsItWasSent() throws Exception {
        PoolMessage.Beat beat = new PoolMessage.Beat(NODE, Instant.parse("2026-12-03T10:00:01Z"), 1500, 1499);

        assertThat(PoolMessageCodec.decode(PoolMessageCodec.encode(beat))).isEqualTo(beat);
    }

    @Test
    void everyOtherKindComesBackAsItWasSent() throws Exception {
        PrincipalId alice = PrincipalId.user("alice@example.com");
        List<PoolMessage> messages = List.of(new PoolMessage.Entered(NODE, "uid-1", alice, true),
                new PoolMessage.Entered(NODE, "uid-1", alice, false), new PoolMessage.Left(NODE, "uid-1", alice),
                new PoolMessage.Hello(NODE), new PoolMessage.Occupants(NODE, "uid-1", List.of(alice,
                        PrincipalId.user("bob@example.com"))), new PoolMessage.Occupants(NODE, "uid-2", List.of()),
                new PoolMessage.AccessChange(NODE, "Set-CsPersistentChatRoom"),
                new PoolMessage.CredentialChange(NODE, alice));

        for (PoolMessage message : messages) {
            assertThat(PoolMessageCodec.decode(PoolMessageCodec.encode(message))).isEqualTo(message);
        }
    }

    @Test
    void aListOfMoreUsersThanTheLimitIsUnreadable() {
        byte[] bytes = PoolMessageCodec.encode(new PoolMessage.Occupants(NODE, "uid-1", List.of()));
        int count = bytes.length - 4; // the list's length comes last
        bytes[count] = 0x01; // 2^24 users

        assertThatThrownBy(() -> PoolMessageCodec.decode(bytes)).isInstanceOf(UnreadableMessageException.class)
                .hasMessageContaining(" users");
    }

    @Test
    void aMessageCutShortOrWithBytesLeftOverIsUnreadable() {
        byte[] bytes = PoolMessageCodec.encode(POSTED);

        assertThatThrownBy(() -> PoolMessageCodec.decode(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(UnreadableMessageException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> PoolMessageCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(UnreadableMessageException.class).hasMessageContaining("1 bytes left over");
        assertThatThrownBy(() -> PoolMessageCodec.decode(new byte[0]))
                .isInstanceOf(UnreadableMessageException.class).hasMessageContaining("cut short");
    }

    @Test
    void anUnknownVersionOrKindIsUnreadable() {
        byte[] version = PoolMessageCodec.encode(POSTED);
        version[0] = 2;
        byte[] kind = PoolMessageCodec.encode(POSTED);
        kind[1] = 9;

        assertThatThrownBy(() -> PoolMessageCodec.decode(version)).isInstanceOf(UnreadableMessageException.class)
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> PoolMessageCodec.decode(kind)).isInstanceOf(UnreadableMessageException.class)
                .hasMessageContaining("unknown kind 9");
    }

    @Test
    void aTextLongerThanTheLimitIsNeitherWrittenNorRead() throws Exception {
        String longest = "x".repeat(PoolMessageCodec.MAX_TEXT_BYTES);
        PoolMessage.Posted big = new PoolMessage.Posted(NODE, new PostedMessage("uid-1", "uri", 1,
                PrincipalId.user("alice@example.com"), Instant.EPOCH, longest));
        assertThat(PoolMessageCodec.decode(PoolMessageCodec.encode(big))).isEqualTo(big);

        PoolMessage.Posted tooBig = new PoolMessage.Posted(NODE, new PostedMessage("uid-1", "uri", 1,
                PrincipalId.user("alice@example.com"), Instant.EPOCH, longest + "x"));
        assertThatThrownBy(() -> PoolMessageCodec.encode(tooBig)).isInstanceOf(IllegalArgumentException.class);

        byte[] claimsMore = PoolMessageCodec.encode(POSTED);
        int nameLength = 2; // version, kind, then the node's name: its length first
        claimsMore[nameLength] = 0x7f;
        assertThatThrownBy(() -> PoolMessageCodec.decode(claimsMore)).isInstanceOf(UnreadableMessageException.class)
                .hasMessageContaining("a text of");
    }

    @Test
    void anAuthorThatIsNoPrincipalIsUnreadable() {
        byte[] bytes = PoolMessageCodec.encode(POSTED);
        String encoded = new String(bytes, StandardCharsets.ISO_8859_1).replace("sip:alice@example.com",
                "xyz:alice@example.com");
        assertThat(encoded).isNotEqualTo(new String(bytes, StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> PoolMessageCodec.decode(encoded.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(UnreadableMessageException.class);
    }
}
