package org.openpchat.chat.application.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/** A post is delivered only once its batch is stored, and the poster hears what became of it. */
class PostServiceTest {

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final PrincipalId alice = server.user("alice");
    private final Room lobby = server.room("Lobby", server.category("General"));
    private final PostListeners listeners = new PostListeners();
    private final List<Long> delivered = new ArrayList<>();

    PostServiceTest() {
        lobby.changePrivacy(Privacy.OPEN);
        listeners.register(message -> delivered.add(message.messageId()));
    }

    @Test
    void aStoredPostIsDeliveredAndReturned() {
        PostService posts = new PostService(server.chatService(), listeners, 2, 8);

        RoomMessage posted = posts.post(server.actor(alice), "Lobby", "hello");

        assertThat(posted.id()).isEqualTo(1);
        assertThat(delivered).containsExactly(1L);
        assertThat(posts.averageBatch()).isEqualTo(1.0);
    }

    @Test
    void aRefusedPostIsThrownAndNotDelivered() {
        PostService posts = new PostService(server.chatService(), listeners, 2, 8);

        assertThatThrownBy(() -> posts.post(server.actor(alice), "Nowhere", "hello"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
        assertThat(delivered).isEmpty();
    }

    @Test
    void aPostWhoseBatchFailedToCommitIsNeitherReturnedNorDelivered() {
        ChatService failing = new ChatService(server.lookup, server.messages, server.occupancy, server.capture,
                server.directory(), java.time.Clock.systemUTC()) {
            @Override
            public List<PostResult> postAll(List<PostRequest> requests) {
                super.postAll(requests);
                throw new IllegalStateException("commit failed");
            }
        };
        PostService posts = new PostService(failing, listeners, 2, 8);

        assertThatThrownBy(() -> posts.post(server.actor(alice), "Lobby", "hello")).hasMessage("commit failed");
        assertThat(delivered).isEmpty();
    }
}
