package org.openpchat.chat.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.room.Room;

/** What a node missed of another node's posts is read back from the room's history. */
class HistoryMissedPostsTest {

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final Room lobby = server.room("Lobby", server.category("General"));
    private final HistoryMissedPosts missed = new HistoryMissedPosts(server.rooms, server.lookup, server.messages);

    HistoryMissedPostsTest() {
        IntStream.rangeClosed(1, 150).forEach(i -> server.messages.post(lobby, "alice@example.com",
                InMemoryChatServer.NOW.plusSeconds(i), "post " + i));
    }

    @Test
    void thePostsBetweenAreReadBackInOrderAsTheFrontEndsDeliverThem() {
        ChatMessage six = server.messages.after(lobby, 5, 1).get(0);

        assertThat(missed.between(lobby.uid(), 5, 8)).containsExactly(
                new PostedMessage(lobby.uid(), "ma-chan://example.com/" + lobby.uid(), 6, six.author(),
                        six.postedAt(), "post 6"),
                missed.between(lobby.uid(), 6, 8).get(0));
        assertThat(missed.between(lobby.uid(), 6, 8)).extracting(PostedMessage::messageId).containsExactly(7L);
    }

    @Test
    void nothingIsMissingBetweenNeighbours() {
        assertThat(missed.between(lobby.uid(), 5, 6)).isEmpty();
    }

    @Test
    void aGapOfAHundredIsFilledAndAWiderOneIsACounterJumpNotALoss() {
        assertThat(missed.between(lobby.uid(), 0, 101)).hasSize(100);
        assertThat(missed.between(lobby.uid(), 0, 102)).isEmpty();
    }

    @Test
    void aRoomThatIsGoneHasNothingToGive() {
        assertThat(missed.between("no-such-room", 5, 8)).isEmpty();
    }
}
