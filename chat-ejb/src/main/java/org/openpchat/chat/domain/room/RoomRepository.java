package org.openpchat.chat.domain.room;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.shared.TextFilter;

public interface RoomRepository {

    Optional<Room> findByName(String name);

    Optional<Room> findByUid(String uid);

    List<Room> all();

    /**
     * At most {@code max} rooms whose name matches {@code filter}, in the order of their names,
     * starting after the room named {@code after} (null: from the first): a search reads the
     * rooms a page at a time and stops when it has enough.
     */
    List<Room> page(TextFilter filter, String after, int max);

    /** The rooms among {@code ids} that exist, in no particular order. */
    List<Room> withIds(Collection<Long> ids);

    long count();

    List<Room> inCategory(Category category);

    void add(Room room);

    /** Removes the room with its history and invitations. */
    void remove(Room room);
}
