package org.openpchat.chat.infrastructure.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.ALICE;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.BOB;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.DESK;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.LOBBY;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;
import static org.openpchat.chat.infrastructure.compliance.ComplianceMessageCodecTest.mapMessage;

import jakarta.jms.MapMessage;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;

class ComplianceBatchMessageTest {

    private final ComplianceMessageMac mac = new ComplianceMessageMac(key(1));
    private final List<ComplianceEvent> events = List.of(
            event(1, ComplianceEventType.JOIN, DESK, BOB, 0, null),
            event(2, ComplianceEventType.CHAT, DESK, BOB, 12, "ünïcode & more"),
            event(3, ComplianceEventType.CHAT, LOBBY, ALICE, 13, "third"));

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void roundTripsInOrderAndIsTellableFromASingleEvent() throws Exception {
        MapMessage batch = mapMessage();
        ComplianceBatchMessage.write(events, mac, batch);

        assertThat(ComplianceBatchMessage.isBatch(batch)).isTrue();
        assertThat(batch.getIntProperty(ComplianceBatchMessage.EVENT_COUNT)).isEqualTo(3);
        assertThat(ComplianceBatchMessage.read(batch, mac))
                .isEqualTo(new ComplianceBatchMessage.Batch(events, List.of()));

        MapMessage single = mapMessage();
        ComplianceMessageCodec.write(events.get(0), single);
        assertThat(ComplianceBatchMessage.isBatch(single)).isFalse();
        assertThat(ComplianceBatchMessage.isBatch(mapMessage())).isFalse();
    }

    @Test
    void anAlteredUnsignedOrUnreadableEventIsRefusedAloneWithItsReason() throws Exception {
        MapMessage batch = mapMessage();
        ComplianceBatchMessage.write(events, mac, batch);
        batch.setString("0.roomName", "forged");
        batch.setString("1." + ComplianceMessageMac.PROPERTY, null);

        MapMessage other = mapMessage();
        ComplianceBatchMessage.write(events, mac, other);
        other.setString("2.roomName", "n".repeat(ComplianceEventColumns.NAME_LENGTH + 1));

        assertThat(ComplianceBatchMessage.read(batch, mac)).isEqualTo(new ComplianceBatchMessage.Batch(
                List.of(events.get(2)), List.of(
                        new ComplianceBatchMessage.Rejected(0, events.get(0).eventId(), "compliance message with a"
                                + " wrong pchatMac (forged, altered or signed with another key)"),
                        new ComplianceBatchMessage.Rejected(1, events.get(1).eventId(),
                                "unsigned compliance message (no pchatMac)"))));
        assertThat(ComplianceBatchMessage.read(other, mac)).isEqualTo(new ComplianceBatchMessage.Batch(
                events.subList(0, 2), List.of(new ComplianceBatchMessage.Rejected(2, events.get(2).eventId(),
                        "compliance event with a roomName of 257 characters; mgccomp stores at most 256"))));
        assertThat(ComplianceBatchMessage.read(other, mac).rejected().get(0).describe()).isEqualTo("event 2 ("
                + events.get(2).eventId() + ") of the batch: compliance event with a roomName of 257 characters;"
                + " mgccomp stores at most 256");
    }

    @Test
    void anotherKeysBatchStoresNothing() throws Exception {
        MapMessage batch = mapMessage();
        ComplianceBatchMessage.write(events, new ComplianceMessageMac(key(2)), batch);

        ComplianceBatchMessage.Batch read = ComplianceBatchMessage.read(batch, mac);
        assertThat(read.events()).isEmpty();
        assertThat(read.rejected()).extracting(ComplianceBatchMessage.Rejected::index).containsExactly(0, 1, 2);
    }

    @Test
    void aCountThatIsNotTheBatchsIsPoison() throws Exception {
        MapMessage batch = mapMessage();
        ComplianceBatchMessage.write(events, mac, batch);
        batch.setIntProperty(ComplianceBatchMessage.EVENT_COUNT, 4);
        assertThat(ComplianceBatchMessage.read(batch, mac).rejected())
                .containsExactly(new ComplianceBatchMessage.Rejected(3, null, "compliance event without eventId"));
        assertThat(ComplianceBatchMessage.read(batch, mac).rejected().get(0).describe())
                .isEqualTo("event 3 of the batch: compliance event without eventId");

        for (int count : new int[] {0, -1, ComplianceBatchMessage.MAX_EVENTS + 1}) {
            batch.setIntProperty(ComplianceBatchMessage.EVENT_COUNT, count);
            assertThatThrownBy(() -> ComplianceBatchMessage.read(batch, mac)).isInstanceOf(PoisonMessageException.class)
                    .hasMessage("compliance batch of " + count + " events (1 to 1000)");
        }
    }

    @Test
    void writesOneToAThousandEvents() throws Exception {
        assertThatThrownBy(() -> ComplianceBatchMessage.write(List.of(), mac, mapMessage()))
                .isInstanceOf(IllegalArgumentException.class);
        List<ComplianceEvent> tooMany = Collections.nCopies(ComplianceBatchMessage.MAX_EVENTS + 1, events.get(0));
        assertThatThrownBy(() -> ComplianceBatchMessage.write(tooMany, mac, mapMessage()))
                .isInstanceOf(IllegalArgumentException.class);

        MapMessage full = mapMessage();
        ComplianceBatchMessage.write(tooMany.subList(0, ComplianceBatchMessage.MAX_EVENTS), mac, full);
        assertThat(ComplianceBatchMessage.read(full, mac).events()).hasSize(ComplianceBatchMessage.MAX_EVENTS);
    }
}
