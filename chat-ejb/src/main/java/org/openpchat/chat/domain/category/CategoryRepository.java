package org.openpchat.chat.domain.category;

import java.util.List;
import java.util.Optional;

public interface CategoryRepository {

    Optional<Category> findByName(String name);

    Optional<Category> findByUid(String uid);

    List<Category> all();

    long countRooms(Category category);

    void add(Category category);

    void remove(Category category);
}
