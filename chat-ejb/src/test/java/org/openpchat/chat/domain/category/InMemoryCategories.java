package org.openpchat.chat.domain.category;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.domain.room.RoomRepository;

/** Categories held in a list, for use case tests; their rooms are those of the given room repository. */
public class InMemoryCategories implements CategoryRepository {

    private final List<Category> categories = new ArrayList<>();
    private final RoomRepository rooms;

    public InMemoryCategories(RoomRepository rooms) {
        this.rooms = rooms;
    }

    @Override
    public Optional<Category> findByName(String name) {
        return categories.stream().filter(category -> category.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public Optional<Category> findByUid(String uid) {
        return categories.stream().filter(category -> category.uid().equals(uid)).findFirst();
    }

    @Override
    public List<Category> all() {
        return List.copyOf(categories);
    }

    @Override
    public long countRooms(Category category) {
        return rooms.inCategory(category).size();
    }

    @Override
    public void add(Category category) {
        categories.add(category);
    }

    @Override
    public void remove(Category category) {
        categories.remove(category);
    }
}
