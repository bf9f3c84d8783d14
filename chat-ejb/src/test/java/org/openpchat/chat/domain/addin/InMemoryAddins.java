package org.openpchat.chat.domain.addin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.domain.room.RoomRepository;

/** Add-ins held in a list, for use case tests; the rooms using them are those of the given room repository. */
public class InMemoryAddins implements AddinRepository {

    private final List<Addin> addins = new ArrayList<>();
    private final RoomRepository rooms;

    public InMemoryAddins(RoomRepository rooms) {
        this.rooms = rooms;
    }

    @Override
    public Optional<Addin> findByName(String name) {
        return addins.stream().filter(addin -> addin.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public List<Addin> all() {
        return List.copyOf(addins);
    }

    @Override
    public long countRoomsUsing(Addin addin) {
        return rooms.all().stream().filter(room -> room.addin() == addin).count();
    }

    @Override
    public void detachFromRooms(Addin addin) {
        rooms.all().stream().filter(room -> room.addin() == addin).forEach(room -> room.useAddin(null));
    }

    @Override
    public void add(Addin addin) {
        addins.add(addin);
    }

    @Override
    public void remove(Addin addin) {
        addins.remove(addin);
    }
}
