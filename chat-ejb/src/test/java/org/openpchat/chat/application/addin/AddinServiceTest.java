package org.openpchat.chat.application.addin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.StaleItemException;
import org.openpchat.chat.application.audit.RecordingAuditLog.Recorded;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/** Add-in administration: unique names, removal only when unused or forced, administrators only, audited. */
class AddinServiceTest {

    private static final String URL = "https://quotes.example.com/";

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final AddinService service = new AddinService(server.addins, server.locks, server.audit);
    private final Actor admin = server.admin;

    @Test
    void administratorsRegisterAddinsUnderFreeNames() {
        AddinView created = service.create(admin, "Quotes", URL);

        assertThat(created).isEqualTo(new AddinView("Quotes", URL));
        assertThat(service.find(" Quotes ").url()).isEqualTo(URL);
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("system:test", "New-CsPersistentChatAddin",
                "addin:Quotes", null, created));
        assertThatThrownBy(() -> service.create(admin, " Quotes ", URL))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT)
                .hasMessage("add-in 'Quotes' already exists");
        assertThatThrownBy(() -> service.create(admin, null, URL))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID);
        assertThat(server.addins.all()).hasSize(1);
    }

    @Test
    void anUpdateChangesWhatItNames() {
        AddinView before = service.create(admin, "Quotes", URL);
        service.create(admin, "News", URL);

        AddinView after = service.update(admin, "Quotes", "Prices", "https://prices.example.com/",
                ItemTags.of(before));

        assertThat(after).isEqualTo(new AddinView("Prices", "https://prices.example.com/"));
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("system:test",
                "Set-CsPersistentChatAddin", "addin:Prices", before, after));
        assertThat(server.locks.locked()).containsExactly(service.find("Prices"));
        assertThat(service.modify(admin, "Prices", null, URL)).isEqualTo(new AddinView("Prices", URL));
        assertThat(service.modify(admin, "Prices", " Prices ", null)).isEqualTo(new AddinView("Prices", URL));
        assertThatThrownBy(() -> service.modify(admin, "Prices", "News", null))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
        assertThatThrownBy(() -> service.update(admin, "Prices", "Other", null, ItemTags.of(before)))
                .isInstanceOf(StaleItemException.class);
        assertThat(service.view(admin, "Prices").name()).isEqualTo("Prices");
    }

    @Test
    void anAddinInUseIsRemovedOnlyWithForceAndRoomsLetItGo() {
        AddinView created = service.create(admin, "Quotes", URL);
        Room desk = server.room("Desk", server.category("Trading"));
        desk.useAddin(service.find("Quotes"));

        assertThatThrownBy(() -> service.delete(admin, "Quotes", false))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT)
                .hasMessage("add-in 'Quotes' is used by 1 room(s)");
        assertThat(desk.addin()).isNotNull();

        service.delete(admin, "Quotes", true);

        assertThat(desk.addin()).isNull();
        assertThat(server.addins.all()).isEmpty();
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("system:test",
                "Remove-CsPersistentChatAddin", "addin:Quotes", created, null));
    }

    @Test
    void anUnusedAddinIsRemovedWithoutForce() {
        service.create(admin, "Quotes", URL);

        service.delete(admin, "Quotes", false);

        assertThat(service.views(admin)).isEmpty();
        assertThatThrownBy(() -> service.delete(admin, "Quotes", true))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND).hasMessage("no such add-in: Quotes");
        assertThatThrownBy(() -> service.find(null)).hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
    }

    @Test
    void nobodyButAnAdministratorManagesAddins() {
        service.create(admin, "Quotes", URL);
        Actor user = server.actor(server.user("alice"));

        assertThatThrownBy(() -> service.create(user, "News", URL)).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN).hasMessage("only Persistent Chat administrators manage add-ins");
        assertThatThrownBy(() -> service.update(user, "Quotes", "X", null, null))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.delete(user, "Quotes", true)).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.view(user, "Quotes")).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.views(user)).hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThat(service.views(admin)).containsExactly(new AddinView("Quotes", URL));
        assertThat(server.auditLog.entries()).hasSize(1);
    }
}
