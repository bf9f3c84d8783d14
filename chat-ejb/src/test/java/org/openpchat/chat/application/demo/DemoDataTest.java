package org.openpchat.chat.application.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.compliance.ComplianceConfigurationService;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.room.RoomService;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.access.Operation;
import org.openpchat.chat.domain.access.RoomAccess;
import org.openpchat.chat.domain.compliance.ComplianceConfiguration;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.room.Room;

/** The demo data set that other issues and the acceptance checks rely on, seeded through the services. */
class DemoDataTest {

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final DirectoryService directory = server.directory();
    private final RoomService rooms = server.roomService();
    private final ComplianceConfigurationService compliance = server.complianceService();
    private final DemoData demo = new DemoData(directory, server.categoryService(), rooms, server.policyService(),
            compliance, server.categories, server.messages, server.settings);

    private Actor user(String name) {
        return directory.actorFor(name + "@example.com");
    }

    private boolean may(String user, Operation operation, String room) {
        return RoomAccess.permits(user(user), operation, rooms.find(room));
    }

    @Test
    void theDemoSetIsSeededOnce() {
        assertThat(demo.seedIfEmpty()).isTrue();
        int entries = server.auditLog.entries().size();

        assertThat(demo.seedIfEmpty()).isFalse();

        assertThat(server.auditLog.entries()).hasSize(entries);
        assertThat(server.rooms.all()).extracting(Room::name).containsExactly("Lobby", "Announcements", "Project X",
                "Desk");
    }

    @Test
    void everyDemoUserSignsInWithTheDemoPasswordAndAdminAdministers() {
        demo.seedIfEmpty();

        for (String name : DemoData.USERS) {
            assertThat(directory.verifyPassword(name + "@example.com", DemoData.PASSWORD)).as(name).isTrue();
            assertThat(user(name).administrator()).as(name).isFalse();
        }
        assertThat(directory.find("sip:alice@example.com").displayName()).isEqualTo("Alice");
        assertThat(directory.verifyPassword("admin@example.com", DemoData.PASSWORD)).isTrue();
        assertThat(user("admin").administrator()).isTrue();
        assertThat(server.policyService().persistentChatEnabledFor("erin@example.com")).isTrue();
    }

    @Test
    void theRoomsFollowTheirRulesAndAnalystsAreWalledOffTheTradingDesk() {
        demo.seedIfEmpty();

        assertThat(may("dave", Operation.JOIN, "Lobby")).isTrue();
        assertThat(may("dave", Operation.FIND, "Desk")).as("the ethical wall").isFalse();
        assertThat(may("erin", Operation.JOIN, "Desk")).isTrue();
        assertThat(may("bob", Operation.MANAGE, "Desk")).isTrue();
        assertThat(may("alice", Operation.POST, "Announcements")).isTrue();
        assertThat(may("bob", Operation.POST, "Announcements")).isFalse();
        assertThat(may("bob", Operation.JOIN, "Announcements")).isTrue();
        assertThat(may("carol", Operation.FIND, "Project X")).isTrue();
        assertThat(may("bob", Operation.FIND, "Project X")).isFalse();
        assertThat(may("alice", Operation.MANAGE, "Project X")).isTrue();
        assertThat(may("admin", Operation.JOIN, "Lobby")).as("admin is no chat user of a room").isFalse();
        assertThat(rooms.find("Lobby").description()).isEqualTo("Say hello");
    }

    @Test
    void theLobbyHasALittleHistoryFromTwoHoursAgo() {
        Instant before = Instant.now();
        demo.seedIfEmpty();

        List<ChatMessage> lobby = server.messages.in(rooms.find("Lobby"));
        assertThat(lobby).extracting(ChatMessage::messageId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(lobby).extracting(message -> message.author().toString()).containsExactly(
                "sip:alice@example.com", "sip:bob@example.com", "sip:alice@example.com", "sip:carol@example.com");
        assertThat(lobby.get(0).content()).isEqualTo("Welcome to the Lobby, everyone!");
        assertThat(Duration.between(lobby.get(0).postedAt(), lobby.get(3).postedAt()))
                .isEqualTo(Duration.ofMinutes(9));
        assertThat(lobby.get(0).postedAt()).isBefore(before.minus(Duration.ofMinutes(119)))
                .isAfter(before.minus(Duration.ofMinutes(121)));
    }

    @Test
    void theDemoComplianceExportIsSetOnlyWhereNoneIs() {
        assertThat(demo.enableComplianceExportIfUnset("/tmp/compliance")).isTrue();

        ComplianceConfiguration global = compliance.find("global").orElseThrow();
        assertThat(global.adapterType()).isEqualTo("XmlAdapter");
        assertThat(global.outputDirectory()).isEqualTo("/tmp/compliance");
        assertThat(global.runInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(global.exports()).isTrue();

        assertThat(demo.enableComplianceExportIfUnset("/elsewhere")).isFalse();
        assertThat(compliance.find("global").orElseThrow().outputDirectory()).isEqualTo("/tmp/compliance");
    }
}
