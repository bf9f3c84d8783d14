package org.openpchat.chat.domain.addin;

import java.util.List;
import java.util.Optional;

public interface AddinRepository {

    Optional<Addin> findByName(String name);

    List<Addin> all();

    long countRoomsUsing(Addin addin);

    /** Rooms that use the add-in stop using it. */
    void detachFromRooms(Addin addin);

    void add(Addin addin);

    void remove(Addin addin);
}
