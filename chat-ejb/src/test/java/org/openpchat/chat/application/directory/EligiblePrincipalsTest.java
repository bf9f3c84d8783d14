package org.openpchat.chat.application.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomType;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/** Who may be put on a category's or a room's lists: administrators ask, the category's wall decides. */
class EligiblePrincipalsTest {

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final EligiblePrincipals eligible = new EligiblePrincipals(server.principals, server.categories,
            server.lookup);
    private final PrincipalId alice = server.user("alice");
    private final PrincipalId bob = server.user("bob");
    private final PrincipalId guest = server.principals.user("guest@partner.org").principalId();
    private final Category trading = server.category("Trading");
    private final Room stage = server.room("Stage", trading);

    EligiblePrincipalsTest() {
        trading.modifyDeniedMembers(AccessList.adding(bob));
    }

    @Test
    void aCategoryAdmitsWhoItAllowsAndDoesNotDeny() {
        assertThat(eligible.forCategory(server.admin, " Trading ", "", 10)).containsExactly("sip:alice@example.com");
        trading.modifyAllowedMembers(AccessList.adding(guest));
        assertThat(eligible.forCategory(server.admin, "Trading", "", 10)).containsExactly("sip:alice@example.com",
                "sip:guest@partner.org");
        assertThat(eligible.forCategory(server.admin, "Trading", "", 1)).containsExactly("sip:alice@example.com");
        assertThat(eligible.forCategory(server.admin, "Trading", "", 0)).hasSize(1);
        assertThat(eligible.forCategory(server.admin, "Trading", "guest", 10)).containsExactly(
                "sip:guest@partner.org");
        assertThatThrownBy(() -> eligible.forCategory(server.admin, "Nowhere", "", 10))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
        assertThatThrownBy(() -> eligible.forCategory(server.admin, null, "", 10))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
    }

    @Test
    void presentersOfAnAuditoriumAreItsMembers() {
        stage.modifyMembers(AccessList.adding(alice), server.principals::affiliationsOf);
        trading.modifyAllowedMembers(AccessList.adding(guest));

        assertThatThrownBy(() -> eligible.forRoom(server.admin, "Stage", true, "", 10))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID)
                .hasMessage("room 'Stage' is not an auditorium: it has no presenters");
        stage.changeType(RoomType.AUDITORIUM);

        assertThat(eligible.forRoom(server.admin, "Stage", true, "", 10)).containsExactly("sip:alice@example.com");
        assertThat(eligible.forRoom(server.admin, "Stage", false, "", 10)).containsExactly("sip:alice@example.com",
                "sip:guest@partner.org");
    }

    @Test
    void manyUsersAreExaminedPageByPage() {
        for (int i = 0; i < 1200; i++) {
            server.principals.user(String.format("u%04d@example.com", i));
        }

        assertThat(eligible.forCategory(server.admin, "Trading", "", 5000)).hasSize(EligiblePrincipals.MAX_RESULTS);
        assertThat(eligible.forCategory(server.admin, "Trading", "u11", 5000)).hasSize(100);
    }

    @Test
    void onlyAdministratorsAsk() {
        assertThatThrownBy(() -> eligible.forCategory(server.actor(alice), "Trading", "", 10))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessage("only Persistent Chat administrators list eligible principals");
        assertThatThrownBy(() -> eligible.forRoom(server.actor(alice), "Stage", false, "", 10))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
    }
}
