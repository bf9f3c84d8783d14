package org.openpchat.it.sipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The event lines of sipe-driver (src/test/sipe-driver/README.md), parsed. */
class SipeEventTest {

    @Test
    void aChatMessageHasRoomAuthorAndText() {
        SipeEvent e = SipeEvent.parse("CHAT_MSG\tLobby\tsip:alice@example.com\tWelcome to the Lobby, everyone!");
        assertThat(e.type()).isEqualTo(SipeEvent.CHAT_MSG);
        assertThat(e.room()).isEqualTo("Lobby");
        assertThat(e.who()).isEqualTo("sip:alice@example.com");
        assertThat(e.text()).isEqualTo("Welcome to the Lobby, everyone!");
        assertThat(e.known()).isTrue();
    }

    @Test
    void theLastFieldKeepsTabsAndEmptyFieldsAreKept() {
        SipeEvent msg = SipeEvent.parse("CHAT_MSG\tLobby\tsip:bob@example.com\ta\tb\t");
        assertThat(msg.fields()).hasSize(3);
        assertThat(msg.text()).isEqualTo("a\tb\t");

        SipeEvent notify = SipeEvent.parse("NOTIFY\t\tError joining chat room\t");
        assertThat(notify.fields()).containsExactly("", "Error joining chat room", "");
        assertThat(notify.text()).isEqualTo("Error joining chat room");
    }

    @Test
    void eventsWithoutFields() {
        assertThat(SipeEvent.parse("ROOMLIST_DONE").fields()).isEmpty();
        assertThat(SipeEvent.parse("EXIT\r").type()).isEqualTo("EXIT");
        assertThat(SipeEvent.parse("EXIT").field(3)).isEmpty();
    }

    @Test
    void aRoomListEntry() {
        SipeEvent.Room room = SipeEvent.parse(
                "ROOM\tProject X\tma-chan://example.com/7a1b\t2\t4\t2\t8\tNeed to know").asRoom();
        assertThat(room.name()).isEqualTo("Project X");
        assertThat(room.uri()).isEqualTo("ma-chan://example.com/7a1b");
        assertThat(room.users()).isEqualTo(2);
        assertThat(room.invite()).isTrue();
        assertThat(room.isPrivate()).isTrue();
        assertThat(room.logged()).isTrue();
        assertThat(room.description()).isEqualTo("Need to know");

        SipeEvent.Room open = SipeEvent.parse("ROOM\tLobby\tma-chan://example.com/1\t0\t0\t0\t0\t").asRoom();
        assertThat(open.isPrivate()).isFalse();
        assertThat(open.description()).isEmpty();
        assertThatThrownBy(() -> SipeEvent.parse("CHAT_JOINED\tLobby").asRoom()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void matchingIsByTypeAndWholeFieldRegexes() {
        SipeEvent e = SipeEvent.parse("CHAT_BUDDY_JOINED\tLobby\tsip:carol@example.com\t0");
        assertThat(e.matches(SipeEvent.CHAT_BUDDY_JOINED)).isTrue();
        assertThat(e.matches(SipeEvent.CHAT_BUDDY_JOINED, "Lobby", "sip:carol@example.com")).isTrue();
        assertThat(e.matches(SipeEvent.CHAT_BUDDY_JOINED, "Lobby", "carol")).isFalse();
        assertThat(e.matches(SipeEvent.CHAT_BUDDY_JOINED, null, "sip:carol@.*")).isTrue();
        assertThat(e.matches(SipeEvent.CHAT_BUDDY_LEFT, "Lobby")).isFalse();
        assertThat(e.matches(SipeEvent.CHAT_BUDDY_JOINED, "Lobby", ".*", "0", "extra")).isFalse();
    }

    @Test
    void errorsAndConnectionErrors() {
        SipeEvent error = SipeEvent.parse("CHAT_ERROR\tAnnouncements\tThis message was not delivered to chat room "
                + "'Announcements': hello");
        assertThat(error.room()).isEqualTo("Announcements");
        assertThat(error.text()).startsWith("This message was not delivered");
        SipeEvent conn = SipeEvent.parse("CONN_ERROR\t2\tAuthentication failed");
        assertThat(conn.field(0)).isEqualTo("2");
        assertThat(conn.text()).isEqualTo("Authentication failed");
    }

    @Test
    void unknownLinesAreKeptWhole() {
        SipeEvent e = SipeEvent.parse("SOMETHING\ta\tb\tc");
        assertThat(e.known()).isFalse();
        assertThat(e.fields()).containsExactly("a", "b", "c");
        assertThat(e.toString()).isEqualTo("SOMETHING|a|b|c");
    }
}
