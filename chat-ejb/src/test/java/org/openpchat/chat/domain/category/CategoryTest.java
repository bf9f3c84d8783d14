package org.openpchat.chat.domain.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.principal.InMemoryPrincipals;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException;

class CategoryTest {

    private final InMemoryPrincipals directory = new InMemoryPrincipals();
    private final PrincipalId alice = directory.user("alice@example.com").principalId();
    private final PrincipalId bob = directory.user("bob@example.com").principalId();
    private final PrincipalId eve = directory.user("eve@example.com").principalId();
    private final PrincipalId staff = directory.group("staff", alice, bob, eve).principalId();
    private final PrincipalId walled = directory.group("walled", eve).principalId();
    private final Category category = new Category("  Trading ", "Desks and books");

    CategoryTest() {
        category.modifyAllowedMembers(AccessList.adding(staff));
        category.modifyDeniedMembers(AccessList.adding(walled));
        category.modifyCreators(AccessList.adding(alice, eve));
    }

    @Test
    void keepsItsTrimmedNameDescriptionAndListsAndHasNoIdUntilStored() {
        assertThat(category.name()).isEqualTo("Trading");
        assertThat(category.description()).isEqualTo("Desks and books");
        assertThat(category.uid()).hasSize(36);
        assertThat(category.id()).isNull();
        assertThat(category.allowedMembers()).containsExactly(staff);
        assertThat(category.deniedMembers()).containsExactly(walled);
        assertThat(category.creators()).containsExactlyInAnyOrder(alice, eve);
    }

    @Test
    void nameAndDescriptionAreRequiredAndBounded() {
        assertThatThrownBy(() -> new Category(" ", null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Category("x".repeat(Category.MAX_NAME + 1), null))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Category("Trading", "x".repeat(Category.MAX_DESCRIPTION + 1)))
                .isInstanceOf(DomainException.class);
        assertThat(new Category("x".repeat(Category.MAX_NAME), "y".repeat(Category.MAX_DESCRIPTION)).name())
                .hasSize(Category.MAX_NAME);
    }

    @Test
    void restoreKeepsTheRecordedId() {
        Category restored = Category.restore("0b7e3f4e-2a4c-4a4e-9a8f-3c2d1e0f9a8b", "Trading", null);

        assertThat(restored.uid()).isEqualTo("0b7e3f4e-2a4c-4a4e-9a8f-3c2d1e0f9a8b");
        assertThat(restored.name()).isEqualTo("Trading");
    }

    @Test
    void deniedBeatsAllowedAndCreator() {
        assertThat(category.admits(directory.affiliationsOf(alice))).isTrue();
        assertThat(category.admits(directory.affiliationsOf(eve))).isFalse();
        assertThat(category.denies(directory.affiliationsOf(eve))).isTrue();
        assertThat(category.denies(directory.affiliationsOf(alice))).isFalse();
        assertThat(category.letsCreateRooms(directory.affiliationsOf(alice))).isTrue();
        assertThat(category.letsCreateRooms(directory.affiliationsOf(eve))).as("a denied creator").isFalse();
        assertThat(category.letsCreateRooms(directory.affiliationsOf(bob))).as("allowed, not a creator").isFalse();
    }

    @Test
    void switchesDefaultToHistoryOnFileUploadAndInvitationsOff() {
        assertThat(category.chatHistoryEnabled()).isTrue();
        assertThat(category.fileUploadEnabled()).isFalse();
        assertThat(category.invitationsEnabled()).isFalse();

        category.enableChatHistory(false);
        category.enableFileUpload(true);
        category.enableInvitations(true);

        assertThat(category.chatHistoryEnabled()).isFalse();
        assertThat(category.fileUploadEnabled()).isTrue();
        assertThat(category.invitationsEnabled()).isTrue();
    }
}
