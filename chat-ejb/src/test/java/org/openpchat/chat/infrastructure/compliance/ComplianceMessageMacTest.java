package org.openpchat.chat.infrastructure.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.BOB;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.DESK;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import jakarta.jms.MapMessage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.domain.compliance.ComplianceRoom;
import org.openpchat.chat.domain.compliance.ComplianceUser;

class ComplianceMessageMacTest {

    private static final byte[] KEY = key(1);
    private final ComplianceMessageMac mac = new ComplianceMessageMac(KEY);
    private final ComplianceEvent chat = event(7, ComplianceEventType.CHAT, DESK, BOB, 12, "buy 100");

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private MapMessage signed(ComplianceEvent event, ComplianceMessageMac signer) throws Exception {
        MapMessage message = ComplianceMessageCodecTest.mapMessage();
        ComplianceMessageCodec.write(event, message);
        signer.sign(event, message);
        return message;
    }

    @Test
    void aSignedEventVerifies() throws Exception {
        MapMessage message = signed(chat, mac);

        assertThat(message.getStringProperty(ComplianceMessageMac.PROPERTY)).isNotBlank();
        assertThatCode(() -> mac.verify(ComplianceMessageCodec.read(message), message)).doesNotThrowAnyException();
    }

    @Test
    void anUnsignedMessageIsPoison() throws Exception {
        MapMessage message = ComplianceMessageCodecTest.mapMessage();
        ComplianceMessageCodec.write(chat, message);

        assertThatThrownBy(() -> mac.verify(chat, message)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("unsigned");
    }

    @Test
    void anotherKeyOrAnAlteredFieldFailsVerification() throws Exception {
        MapMessage foreign = signed(chat, new ComplianceMessageMac(key(2)));
        assertThatThrownBy(() -> mac.verify(chat, foreign)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("wrong");

        MapMessage altered = signed(chat, mac);
        altered.setString("content", "sell 100");
        ComplianceEvent read = ComplianceMessageCodec.read(altered);
        assertThatThrownBy(() -> mac.verify(read, altered)).isInstanceOf(PoisonMessageException.class);

        MapMessage garbage = signed(chat, mac);
        garbage.setStringProperty(ComplianceMessageMac.PROPERTY, "not base64 !");
        assertThatThrownBy(() -> mac.verify(chat, garbage)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("Base64");
    }

    /** Each field counts, and moving text from one field to the next gives another MAC. */
    @Test
    void everyFieldIsCovered() {
        ComplianceRoom room = new ComplianceRoom("u", "ma-chan://x/u", "ab", "c", null);
        ComplianceUser user = new ComplianceUser("sip:a@x", "A", 3, true);
        ComplianceEvent base = new ComplianceEvent(chat.eventId(), ComplianceEventType.CHAT, chat.occurredAt(), room,
                user, 1, "t");
        byte[] reference = mac.mac(base);
        for (ComplianceEvent variant : new ComplianceEvent[] {
                new ComplianceEvent(chat.eventId(), ComplianceEventType.CHAT, chat.occurredAt(),
                        new ComplianceRoom("u", "ma-chan://x/u", "a", "bc", null), user, 1, "t"),
                new ComplianceEvent(chat.eventId(), ComplianceEventType.CHAT, chat.occurredAt(),
                        new ComplianceRoom("u", "ma-chan://x/u", "ab", "c", ""), user, 1, "t"),
                new ComplianceEvent(chat.eventId(), ComplianceEventType.CHAT, chat.occurredAt(), room,
                        new ComplianceUser("sip:a@x", "A", 4, true), 1, "t"),
                new ComplianceEvent(chat.eventId(), ComplianceEventType.CHAT, chat.occurredAt(), room,
                        new ComplianceUser("sip:a@x", "A", 3, false), 1, "t"),
                new ComplianceEvent(chat.eventId(), ComplianceEventType.CHAT, chat.occurredAt(), room, user, 2, "t"),
                new ComplianceEvent(chat.eventId(), ComplianceEventType.CHAT, chat.occurredAt().plusMillis(1), room,
                        user, 1, "t"),
                new ComplianceEvent(chat.eventId(), ComplianceEventType.CHAT, chat.occurredAt(), room, user, 1, "u")}) {
            assertThat(mac.mac(variant)).as(variant.toString()).isNotEqualTo(reference);
        }
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new ComplianceMessageMac(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
