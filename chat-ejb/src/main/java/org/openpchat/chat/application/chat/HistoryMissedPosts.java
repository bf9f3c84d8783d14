package org.openpchat.chat.application.chat;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.openpchat.chat.application.room.RoomLookup;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.message.MessageRepository;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomRepository;

/**
 * Missed posts read back from the room's history. A room that keeps none has nothing to give;
 * a gap wider than {@value #MOST} posts is no lost delivery but a jump of the room's counter (an
 * import continues after the imported ids) and is not filled.
 */
@Stateless
public class HistoryMissedPosts implements MissedPosts {

    static final int MOST = 100;
    private static final Logger LOG = Logger.getLogger(HistoryMissedPosts.class.getName());

    @Inject
    private RoomRepository rooms;
    @Inject
    private RoomLookup lookup;
    @Inject
    private MessageRepository messages;

    public HistoryMissedPosts() {
    }

    /** Outside the container (tests). */
    public HistoryMissedPosts(RoomRepository rooms, RoomLookup lookup, MessageRepository messages) {
        this.rooms = rooms;
        this.lookup = lookup;
        this.messages = messages;
    }

    @Override
    public List<PostedMessage> between(String roomUid, long afterId, long beforeId) {
        long missing = beforeId - afterId - 1;
        if (missing < 1 || missing > MOST) {
            LOG.fine(() -> missing + " posts missing in room " + roomUid + ": not read back");
            return List.of();
        }
        Optional<Room> room = rooms.findByUid(roomUid);
        if (room.isEmpty()) {
            return List.of();
        }
        String uri = lookup.uriOf(room.get()).toString();
        return messages.after(room.get(), afterId, (int) missing).stream()
                .filter(message -> message.messageId() < beforeId)
                .map(message -> posted(roomUid, uri, message)).toList();
    }

    private static PostedMessage posted(String roomUid, String uri, ChatMessage message) {
        return new PostedMessage(roomUid, uri, message.messageId(), message.author(), message.postedAt(),
                message.content());
    }
}
