package org.openpchat.chat.domain.message;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import org.openpchat.chat.domain.room.Room;

/** History of the rooms. Lists of messages come oldest first unless said otherwise. */
public interface MessageRepository {

    /**
     * Hands out the room's next message id; concurrent posts to one room wait for each other
     * until their transactions end, so ids follow commit order without gaps.
     */
    long nextMessageId(Room room);

    /** The last message id handed out in the room and committed (0 before its first post); no lock. */
    long lastMessageId(Room room);

    void add(ChatMessage message);

    List<ChatMessage> newest(Room room, int count);

    /** Up to {@code count} messages with ids below {@code messageId}, the nearest ones. */
    List<ChatMessage> before(Room room, long messageId, int count);

    /** Up to {@code count} messages with ids above {@code messageId}, the nearest ones. */
    List<ChatMessage> after(Room room, long messageId, int count);

    /** Newest first, at most {@code search.limit()} plus the flag that more exist. */
    SearchResult search(MessageSearch search, Collection<Room> rooms);

    long countIn(Room room);

    /** Posts in all rooms since the instant (the dashboard's "posts today"). */
    long countSince(Instant since);

    Optional<ChatMessage> find(Room room, long messageId);

    /** Which of the ids from {@code lowest} to {@code highest} the room's history holds. */
    Set<Long> idsBetween(Room room, long lowest, long highest);

    /** Makes the room's next message id follow {@code lastMessageId} (after an import). */
    void continueAfter(Room room, long lastMessageId);

    void remove(ChatMessage message);

    /** Removes the room's posts made before {@code before}; returns how many. */
    int removeBefore(Room room, Instant before);
}
