package org.openpchat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.chat.application.chat.ChatService;
import org.openpchat.chat.application.chat.HistoryService;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.policy.PolicyService;
import org.openpchat.chat.application.room.RoomService;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomType;
import org.openpchat.chat.domain.shared.DomainException;

/** The demo data set the run command seeds (the test servers are configured with --demo). */
@ExtendWith(ArquillianExtension.class)
class DemoDataIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PchatDeployment.withTests(DemoDataIT.class);
    }

    @EJB(lookup = "java:app/chat-ejb/DirectoryService")
    private DirectoryService directory;
    @EJB(lookup = "java:app/chat-ejb/RoomService")
    private RoomService rooms;
    @EJB(lookup = "java:app/chat-ejb/ChatService")
    private ChatService chat;
    @EJB(lookup = "java:app/chat-ejb/HistoryService")
    private HistoryService history;
    @EJB(lookup = "java:app/chat-ejb/PolicyService")
    private PolicyService policies;

    @Test
    void demoUsersLogInWithTheDemoPassword() {
        for (String user : List.of("alice", "bob", "carol", "dave", "erin")) {
            assertThat(directory.verifyPassword(user + "@example.com", "Passw0rd!")).as(user).isTrue();
            assertThat(policies.persistentChatEnabledFor(user + "@example.com")).as(user).isTrue();
        }
        assertThat(directory.verifyPassword("alice@example.com", "wrong-password")).isFalse();
    }

    @Test
    void roomsHaveTheirDemoSettings() {
        Room lobby = rooms.find("Lobby");
        assertThat(lobby.privacy()).isEqualTo(Privacy.OPEN);
        assertThat(lobby.category().name()).isEqualTo("General");
        Room announcements = rooms.find("Announcements");
        assertThat(announcements.type()).isEqualTo(RoomType.AUDITORIUM);
        assertThat(rooms.find("Project X").privacy()).isEqualTo(Privacy.SECRET);
        assertThat(rooms.find("Desk").privacy()).isEqualTo(Privacy.CLOSED);
        assertThat(rooms.find(lobby.uri("example.com").toString()).name()).isEqualTo("Lobby");
    }

    @Test
    void eachUserFindsTheRoomsTheyMaySee() {
        assertThat(visibleTo("alice")).containsExactlyInAnyOrder("Lobby", "Announcements", "Project X", "Desk");
        assertThat(visibleTo("bob")).containsExactlyInAnyOrder("Lobby", "Announcements", "Desk");
        assertThat(visibleTo("carol")).containsExactlyInAnyOrder("Lobby", "Announcements", "Project X", "Desk");
        assertThat(visibleTo("dave")).containsExactlyInAnyOrder("Lobby", "Announcements");
    }

    @Test
    void theTradingWallKeepsAnalystsOut() {
        assertThatThrownBy(() -> chat.join(directory.actorFor("dave@example.com"), "Desk"))
                .as("the wall hides the room: not found, as a room that does not exist")
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.NOT_FOUND))
                .hasMessage("no such room: Desk");
        assertThat(chat.join(directory.actorFor("erin@example.com"), "Desk").mayPost()).isTrue();
        assertThat(chat.join(directory.actorFor("bob@example.com"), "Desk").manager()).isTrue();
    }

    @Test
    void onlyAlicePresentsInAnnouncements() {
        assertThat(chat.join(directory.actorFor("alice@example.com"), "Announcements").mayPost()).isTrue();
        assertThat(chat.join(directory.actorFor("bob@example.com"), "Announcements").mayPost()).isFalse();
        assertThatThrownBy(() -> chat.post(directory.actorFor("bob@example.com"), "Announcements", "hi"))
                .isInstanceOf(DomainException.class).hasMessageContaining("presenters");
    }

    @Test
    void lobbyHasHistory() {
        // the oldest page: other test classes sharing this server post into the Lobby as well
        List<ChatMessage> messages = history.after(directory.actorFor("erin@example.com"), "Lobby", 0, 4);
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).messageId()).isEqualTo(1);
        assertThat(messages.get(0).content()).isEqualTo("Welcome to the Lobby, everyone!");
    }

    private List<String> visibleTo(String user) {
        return rooms.findVisible(directory.actorFor(user + "@example.com"), null, 100).stream()
                .map(Room::name).filter(name -> List.of("Lobby", "Announcements", "Project X", "Desk").contains(name))
                .toList();
    }
}
