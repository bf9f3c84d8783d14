package org.openpchat.chat.domain.room;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.shared.TextFilter;

/** Rooms held in a list, for use case tests; an added room gets the next id, as the database gives it. */
public class InMemoryRooms implements RoomRepository {

    private final List<Room> rooms = new ArrayList<>();
    private long nextId = 1;

    @Override
    public Optional<Room> findByName(String name) {
        return rooms.stream().filter(room -> room.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public Optional<Room> findByUid(String uid) {
        return rooms.stream().filter(room -> room.uid().equals(uid)).findFirst();
    }

    @Override
    public List<Room> all() {
        return List.copyOf(rooms);
    }

    @Override
    public List<Room> page(TextFilter filter, String after, int max) {
        return rooms.stream().filter(room -> filter.matches(room.name()))
                .filter(room -> after == null || room.name().compareTo(after) > 0)
                .sorted(Comparator.comparing(Room::name)).limit(max).toList();
    }

    @Override
    public List<Room> withIds(Collection<Long> ids) {
        return rooms.stream().filter(room -> ids.contains(room.id())).toList();
    }

    @Override
    public long count() {
        return rooms.size();
    }

    @Override
    public List<Room> inCategory(Category category) {
        return rooms.stream().filter(room -> room.category() == category).toList();
    }

    @Override
    public void add(Room room) {
        assignId(room, nextId++);
        rooms.add(room);
    }

    @Override
    public void remove(Room room) {
        rooms.remove(room);
    }

    private static void assignId(Room room, long id) {
        try {
            Field field = Room.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(room, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
