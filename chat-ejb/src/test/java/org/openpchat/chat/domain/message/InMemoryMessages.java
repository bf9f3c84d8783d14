package org.openpchat.chat.domain.message;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openpchat.chat.domain.room.Room;

/** Rooms' history held in a list, by the rooms' ids, for use case tests. */
public class InMemoryMessages implements MessageRepository {

    private final List<ChatMessage> messages = new ArrayList<>();
    private final Map<Long, Long> lastIds = new HashMap<>();
    private long nextStoreId = 1;

    @Override
    public long nextMessageId(Room room) {
        return lastIds.merge(room.id(), 1L, Long::sum);
    }

    @Override
    public long lastMessageId(Room room) {
        return lastIds.getOrDefault(room.id(), 0L);
    }

    /** Gives the message the next store id, as the database does. */
    @Override
    public void add(ChatMessage message) {
        try {
            Field id = ChatMessage.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(message, nextStoreId++);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        messages.add(message);
    }

    /** Posts a message to the room under its next id, as the chat service would. */
    public ChatMessage post(Room room, String author, Instant at, String content) {
        ChatMessage message = new ChatMessage(room.id(), nextMessageId(room),
                org.openpchat.chat.domain.principal.PrincipalId.user(author), at, content);
        add(message);
        return message;
    }

    @Override
    public List<ChatMessage> newest(Room room, int count) {
        List<ChatMessage> all = in(room);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    @Override
    public List<ChatMessage> before(Room room, long messageId, int count) {
        List<ChatMessage> below = in(room).stream().filter(m -> m.messageId() < messageId).toList();
        return below.subList(Math.max(0, below.size() - count), below.size());
    }

    @Override
    public List<ChatMessage> after(Room room, long messageId, int count) {
        return in(room).stream().filter(m -> m.messageId() > messageId).limit(count).toList();
    }

    @Override
    public SearchResult search(MessageSearch search, Collection<Room> rooms) {
        List<Long> roomIds = rooms.stream().map(Room::id).toList();
        Comparator<ChatMessage> newestFirst = Comparator.comparing(ChatMessage::postedAt)
                .thenComparing(ChatMessage::id).reversed();
        SearchCursor cursor = search.cursor();
        List<ChatMessage> found = messages.stream().filter(m -> roomIds.contains(m.roomId()))
                .filter(search::matches)
                .filter(m -> cursor == null || m.postedAt().isBefore(cursor.postedAt())
                        || m.postedAt().equals(cursor.postedAt()) && m.id() < cursor.storeId())
                .sorted(newestFirst).toList();
        return new SearchResult(found.stream().limit(search.limit()).toList(), found.size() > search.limit());
    }

    @Override
    public long countIn(Room room) {
        return in(room).size();
    }

    @Override
    public long countSince(Instant since) {
        return messages.stream().filter(m -> !m.postedAt().isBefore(since)).count();
    }

    @Override
    public Optional<ChatMessage> find(Room room, long messageId) {
        return in(room).stream().filter(m -> m.messageId() == messageId).findFirst();
    }

    @Override
    public Set<Long> idsBetween(Room room, long lowest, long highest) {
        return in(room).stream().map(ChatMessage::messageId).filter(id -> id >= lowest && id <= highest)
                .collect(Collectors.toSet());
    }

    @Override
    public void continueAfter(Room room, long lastMessageId) {
        lastIds.put(room.id(), lastMessageId);
    }

    @Override
    public void remove(ChatMessage message) {
        messages.remove(message);
    }

    @Override
    public int removeBefore(Room room, Instant before) {
        List<ChatMessage> old = in(room).stream().filter(m -> m.postedAt().isBefore(before)).toList();
        messages.removeAll(old);
        return old.size();
    }

    /** The room's messages, oldest first. */
    public List<ChatMessage> in(Room room) {
        return messages.stream().filter(m -> m.roomId().equals(room.id()))
                .sorted(Comparator.comparingLong(ChatMessage::messageId)).toList();
    }
}
