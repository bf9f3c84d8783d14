package org.openpchat.chat.domain.room;

import java.util.List;
import java.util.Optional;
import org.openpchat.chat.domain.category.Category;

public interface RoomRepository {

    Optional<Room> findByName(String name);

    Optional<Room> findByUid(String uid);

    List<Room> all();

    long count();

    List<Room> inCategory(Category category);

    void add(Room room);

    /** Removes the room with its history and invitations. */
    void remove(Room room);
}
