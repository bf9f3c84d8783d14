package org.openpchat.chat.application.category;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.category.CategoryRepository;
import org.openpchat.chat.domain.principal.InMemoryPrincipals;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.AccessList;

/** Which categories the room management page offers for a new room: RoomAccess.mayCreateRoom, per category. */
class WhereRoomsMayBeCreatedTest {

    private final InMemoryPrincipals directory = new InMemoryPrincipals();
    private final PrincipalId alice = directory.user("alice@example.com").principalId();
    private final PrincipalId bob = directory.user("bob@example.com").principalId();
    private final PrincipalId dave = directory.user("dave@example.com").principalId();
    private final PrincipalId carol = directory.user("carol@example.com").principalId();
    private final PrincipalId desks = directory.group("desks", bob, dave).principalId();
    private final PrincipalId analysts = directory.group("analysts", dave).principalId();
    private final Categories categories = new Categories();
    private final CategoryService service = new CategoryService(categories, null, null);

    WhereRoomsMayBeCreatedTest() {
        Category general = categories.with("general", alice);
        Category trading = categories.with("Trading", desks);
        trading.modifyDeniedMembers(AccessList.adding(analysts));
        categories.with("Bonds", alice, desks);
        categories.with("Archive");
        general.modifyAllowedMembers(AccessList.adding(bob, carol));
    }

    @Test
    void aCreatorGetsTheCategoriesThatNameThemOrTheirGroupsByName() {
        assertThat(service.whereRoomsMayBeCreated(user(alice))).containsExactly("Bonds", "general");
        assertThat(service.whereRoomsMayBeCreated(user(bob))).as("through the group desks")
                .containsExactly("Bonds", "Trading");
    }

    @Test
    void aDeniedCreatorGetsNotThatCategory() {
        assertThat(service.whereRoomsMayBeCreated(user(dave))).containsExactly("Bonds");
    }

    @Test
    void aMemberWhoIsNoCreatorGetsNone() {
        assertThat(service.whereRoomsMayBeCreated(user(carol))).isEmpty();
    }

    @Test
    void anAdministratorGetsEveryCategory() {
        assertThat(service.whereRoomsMayBeCreated(user(carol).asAdministrator()))
                .containsExactly("Archive", "Bonds", "general", "Trading");
    }

    private Actor user(PrincipalId id) {
        return Actor.user(id, directory.affiliationsOf(id));
    }

    /** The categories in memory; only reading is used. */
    private static final class Categories implements CategoryRepository {

        private final List<Category> all = new ArrayList<>();

        Category with(String name, PrincipalId... creators) {
            Category category = new Category(name, null);
            category.modifyCreators(AccessList.adding(creators));
            all.add(category);
            return category;
        }

        @Override
        public Optional<Category> findByName(String name) {
            return all.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
        }

        @Override
        public Optional<Category> findByUid(String uid) {
            return all.stream().filter(c -> c.uid().equals(uid)).findFirst();
        }

        @Override
        public List<Category> all() {
            return List.copyOf(all);
        }

        @Override
        public long countRooms(Category category) {
            return 0;
        }

        @Override
        public void add(Category category) {
            all.add(category);
        }

        @Override
        public void remove(Category category) {
            all.remove(category);
        }
    }
}
