package org.openpchat.chat.infrastructure.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.BOB;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.DESK;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;

class ComplianceMessageCodecTest {

    /** A MapMessage backed by two maps: enough for the codec's getters and setters. */
    static MapMessage mapMessage() {
        Map<String, Object> body = new HashMap<>();
        Map<String, Object> properties = new HashMap<>();
        return (MapMessage) Proxy.newProxyInstance(MapMessage.class.getClassLoader(), new Class<?>[] {MapMessage.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("propertyExists")) {
                        return properties.containsKey(args[0]);
                    }
                    Map<String, Object> target = name.endsWith("Property") ? properties : body;
                    if (name.startsWith("set")) {
                        target.put((String) args[0], args[1]);
                        return null;
                    }
                    Object value = target.get(args[0]);
                    return switch (method.getReturnType().getName()) {
                        case "long" -> value == null ? 0L : (Long) value;
                        case "int" -> value == null ? 0 : (Integer) value;
                        case "boolean" -> value != null && (Boolean) value;
                        default -> value;
                    };
                });
    }

    @Test
    void roundTrips() throws Exception {
        ComplianceEvent chat = event(7, ComplianceEventType.CHAT, DESK, BOB, 12, "ünïcode & more");
        MapMessage message = mapMessage();
        ComplianceMessageCodec.write(chat, message);

        assertThat(ComplianceMessageCodec.read(message)).isEqualTo(chat);
        assertThat(message.getStringProperty(ComplianceMessageCodec.EVENT_ID)).isEqualTo(chat.eventId());
    }

    @Test
    void poisonIsRecognisedWithAReason() throws Exception {
        Message text = (Message) Proxy.newProxyInstance(TextMessage.class.getClassLoader(),
                new Class<?>[] {TextMessage.class}, (p, m, a) -> null);
        assertThatThrownBy(() -> ComplianceMessageCodec.read(text)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("not a MapMessage");

        MapMessage unknownFormat = mapMessage();
        assertThatThrownBy(() -> ComplianceMessageCodec.read(unknownFormat)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("format");

        MapMessage badType = mapMessage();
        ComplianceMessageCodec.write(event(1, ComplianceEventType.JOIN, DESK, BOB, 0, null), badType);
        badType.setString("type", "SEARCH");
        assertThatThrownBy(() -> ComplianceMessageCodec.read(badType)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("SEARCH");

        MapMessage noRoom = mapMessage();
        ComplianceMessageCodec.write(event(1, ComplianceEventType.JOIN, DESK, BOB, 0, null), noRoom);
        noRoom.setString("roomUid", null);
        assertThatThrownBy(() -> ComplianceMessageCodec.read(noRoom)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("roomUid");
    }

    @Test
    void aValueLongerThanItsColumnIsPoisonWithAReason() throws Exception {
        ComplianceEvent chat = event(7, ComplianceEventType.CHAT, DESK, BOB, 12, "hi");
        for (Map.Entry<String, Integer> column : Map.of("roomUid", ComplianceEventColumns.ROOM_UID_LENGTH,
                "roomUri", ComplianceEventColumns.URI_LENGTH, "roomName", ComplianceEventColumns.NAME_LENGTH,
                "roomCategory", ComplianceEventColumns.NAME_LENGTH,
                "roomDescription", ComplianceEventColumns.ROOM_DESCRIPTION_LENGTH,
                "userUri", ComplianceEventColumns.URI_LENGTH, "userName", ComplianceEventColumns.NAME_LENGTH).entrySet()) {
            MapMessage fits = mapMessage();
            ComplianceMessageCodec.write(chat, fits);
            fits.setString(column.getKey(), "x".repeat(column.getValue()));
            assertThat(ComplianceMessageCodec.read(fits)).as(column.getKey() + " at its length").isNotNull();

            MapMessage tooLong = mapMessage();
            ComplianceMessageCodec.write(chat, tooLong);
            tooLong.setString(column.getKey(), "x".repeat(column.getValue() + 1));
            assertThatThrownBy(() -> ComplianceMessageCodec.read(tooLong)).as(column.getKey())
                    .isInstanceOf(PoisonMessageException.class)
                    .hasMessage("compliance event with a " + column.getKey() + " of " + (column.getValue() + 1)
                            + " characters; mgccomp stores at most " + column.getValue());
        }
    }
}
