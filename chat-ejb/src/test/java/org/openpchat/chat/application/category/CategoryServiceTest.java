package org.openpchat.chat.application.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.StaleItemException;
import org.openpchat.chat.application.audit.RecordingAuditLog.Recorded;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/** Category administration: administrators only, names unique, only empty categories removed, all audited. */
class CategoryServiceTest {

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final CategoryService service = server.categoryService();
    private final PrincipalId alice = server.user("alice");
    private final PrincipalId traders = server.principals.group("traders").principalId();
    private final Actor admin = server.admin;

    @Test
    void administratorsCreateCategoriesWithTheirSettingsAndLists() {
        CategoryView created = service.create(admin, new CategoryChange(
                new CategorySpec("Trading", "the desks", true, true, false), AccessList.adding(traders),
                AccessList.adding(alice), AccessList.adding(traders)));

        assertThat(created).isEqualTo(new CategoryView("Trading", "the desks", List.of("group:traders"),
                List.of("sip:alice@example.com"), List.of("group:traders"), true, true, false));
        assertThat(service.find(" Trading ").name()).isEqualTo("Trading");
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("system:test", "New-CsPersistentChatCategory",
                "category:Trading", null, created));
    }

    @Test
    void aNewCategoryHasTheDefaults() {
        CategoryView created = service.create(admin, CategorySpec.named("Trading"));

        assertThat(created).isEqualTo(new CategoryView("Trading", null, List.of(), List.of(), List.of(), false,
                false, true));
    }

    @Test
    void nobodyButAnAdministratorManagesCategories() {
        Actor user = server.actor(alice);
        service.create(admin, CategorySpec.named("Trading"));

        assertForbidden(() -> service.create(user, CategorySpec.named("Sales")));
        assertForbidden(() -> service.update(user, "Trading", CategoryChange.of(CategorySpec.named("X")), null));
        assertForbidden(() -> service.delete(user, "Trading"));
        assertForbidden(() -> service.view(user, "Trading"));
        assertForbidden(() -> service.views(user));
        assertThat(server.categories.all()).extracting(Category::name).containsExactly("Trading");
        assertThat(server.auditLog.entries()).hasSize(1);
    }

    private static void assertForbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessage("only Persistent Chat administrators manage categories");
    }

    @Test
    void aCategoryNeedsAFreeName() {
        service.create(admin, CategorySpec.named("Trading"));

        assertThatThrownBy(() -> service.create(admin, CategorySpec.named(" Trading ")))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT)
                .hasMessage("category 'Trading' already exists");
        assertThatThrownBy(() -> service.create(admin, CategorySpec.named(null)))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID).hasMessage("a category needs a name");
        assertThat(server.categories.all()).hasSize(1);
    }

    @Test
    void anUpdateChangesWhatItNamesAndIsAuditedWithBeforeAndAfter() {
        CategoryView before = service.create(admin, new CategoryChange(
                new CategorySpec("Trading", "the desks", true, true, true), null, null, null));

        CategoryView after = service.update(admin, "Trading", new CategoryChange(
                new CategorySpec("Markets", null, null, false, null), AccessList.adding(traders), null, null),
                ItemTags.of(before));

        assertThat(after).isEqualTo(new CategoryView("Markets", "the desks", List.of("group:traders"), List.of(),
                List.of(), true, false, true));
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("system:test",
                "Set-CsPersistentChatCategory", "category:Markets", before, after));
        assertThat(server.locks.locked()).containsExactly(service.find("Markets"));
        assertThat(service.update(admin, "Markets", CategoryChange.of(new CategorySpec(null, "desks", null, null,
                null)), null).description()).isEqualTo("desks");
    }

    @Test
    void anUpdateOfAnOutdatedCopyOrToATakenNameChangesNothing() {
        CategoryView before = service.create(admin, CategorySpec.named("Trading"));
        service.create(admin, CategorySpec.named("Sales"));
        service.modifyCreators(admin, "Trading", AccessList.adding(alice));

        assertThatThrownBy(() -> service.update(admin, "Trading", CategoryChange.of(
                new CategorySpec(null, "x", null, null, null)), ItemTags.of(before)))
                .isInstanceOf(StaleItemException.class);
        assertThatThrownBy(() -> service.update(admin, "Trading", CategoryChange.of(CategorySpec.named("Sales")),
                null)).hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
        assertThat(service.update(admin, "Trading", CategoryChange.of(CategorySpec.named("Trading ")), null)
                .name()).isEqualTo("Trading");
        assertThat(service.find("Trading").description()).isNull();
    }

    @Test
    void theListsChangeOneAtATime() {
        service.create(admin, CategorySpec.named("Trading"));

        assertThat(service.modifyAllowedMembers(admin, "Trading", AccessList.adding(traders)).allowedMembers())
                .containsExactly("group:traders");
        assertThat(service.modifyDeniedMembers(admin, "Trading", AccessList.adding(alice)).deniedMembers())
                .containsExactly("sip:alice@example.com");
        CategoryView view = service.modifyCreators(admin, "Trading", AccessList.adding(traders));
        assertThat(view.creators()).containsExactly("group:traders");
        assertThat(view.allowedMembers()).containsExactly("group:traders");
        assertThat(server.auditLog.entries()).hasSize(4);
    }

    @Test
    void onlyAnEmptyCategoryIsRemoved() {
        CategoryView created = service.create(admin, CategorySpec.named("Trading"));
        server.room("Bond Desk", service.find("Trading"));

        assertThatThrownBy(() -> service.delete(admin, "Trading"))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT)
                .hasMessage("category 'Trading' still holds 1 room(s)");
        assertThat(server.categories.all()).hasSize(1);

        server.rooms.remove(server.rooms.findByName("Bond Desk").orElseThrow());
        service.delete(admin, "Trading");
        assertThat(server.categories.all()).isEmpty();
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("system:test",
                "Remove-CsPersistentChatCategory", "category:Trading", created, null));
    }

    @Test
    void administratorsReadCategories() {
        service.create(admin, CategorySpec.named("Trading"));
        service.create(admin, CategorySpec.named("Sales"));

        assertThat(service.view(admin, "Sales").name()).isEqualTo("Sales");
        assertThat(service.views(admin)).extracting(CategoryView::name).containsExactly("Trading", "Sales");
        assertThat(service.list()).extracting(Category::name).containsExactly("Trading", "Sales");
        assertThatThrownBy(() -> service.view(admin, "Nowhere"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND).hasMessage("no such category: Nowhere");
        assertThatThrownBy(() -> service.find(null)).hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
    }
}
