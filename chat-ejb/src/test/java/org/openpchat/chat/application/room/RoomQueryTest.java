package org.openpchat.chat.application.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.room.Room;

class RoomQueryTest {

    private final Room bond = room("Bond Desk", "fixed income");
    private final Room bondFutures = room("Bond futures", null);
    private final Room lobby = room("Lobby", "say hello to bonds");

    private static Room room(String name, String description) {
        Room room = new Room(name, new Category("Trading", null), Instant.EPOCH);
        room.describe(description);
        return room;
    }

    private static RoomQuery filter(String filter, boolean searchDescription) {
        return new RoomQuery(filter, searchDescription, null, null, null, null, null, null, null, 100);
    }

    @Test
    void wildcardsMatchTheWholeNameLikePowerShell() {
        assertThat(filter("Bond*", false).matches(bond)).isTrue();
        assertThat(filter("bond*", false).matches(bondFutures)).isTrue();
        assertThat(filter("*Desk", false).matches(bond)).isTrue();
        assertThat(filter("Bond?Desk", false).matches(bond)).isTrue();
        assertThat(filter("Bond*", false).matches(lobby)).isFalse();
        assertThat(filter("Bond", false).matches(bondFutures)).as("without wildcards: contains").isTrue();
        assertThat(filter("(Bond)*", false).matches(bond)).as("regex characters are literal").isFalse();
    }

    @Test
    void descriptionsAreSearchedWhenAsked() {
        assertThat(filter("*bonds*", false).matches(lobby)).isFalse();
        assertThat(filter("*bonds*", true).matches(lobby)).isTrue();
        assertThat(filter("income", true).matches(bond)).isTrue();
    }

    @Test
    void eachFilterNarrowsAndNullMeansAny() {
        org.openpchat.chat.domain.principal.PrincipalId alice =
                org.openpchat.chat.domain.principal.PrincipalId.user("alice@example.com");
        org.openpchat.chat.domain.principal.PrincipalId bob =
                org.openpchat.chat.domain.principal.PrincipalId.user("bob@example.com");
        bond.restoreLists(java.util.Set.of(bob), java.util.Set.of(alice), java.util.Set.of());
        bond.changePrivacy(org.openpchat.chat.domain.room.Privacy.OPEN);
        bond.changeType(org.openpchat.chat.domain.room.RoomType.AUDITORIUM);
        bond.disable();
        bond.useAddin(new org.openpchat.chat.domain.addin.Addin("Quotes", "https://quotes.example.com/"));

        assertThat(RoomQuery.all().matches(bond)).isTrue();
        assertThat(RoomQuery.all().maxResults()).isEqualTo(1000);
        assertThat(RoomQuery.nameContains("desk").matches(bond)).isTrue();
        assertThat(RoomQuery.nameContains(" ").matches(lobby)).as("a blank filter is none").isTrue();
        assertThat(query("trading", null, null, null, null, null, null).matches(bond)).isTrue();
        assertThat(query("Sales", null, null, null, null, null, null).matches(bond)).isFalse();
        assertThat(query(null, org.openpchat.chat.domain.room.Privacy.OPEN, null, null, null, null, null)
                .matches(bond)).isTrue();
        assertThat(query(null, org.openpchat.chat.domain.room.Privacy.OPEN, null, null, null, null, null)
                .matches(lobby)).isFalse();
        assertThat(query(null, null, org.openpchat.chat.domain.room.RoomType.AUDITORIUM, null, null, null, null)
                .matches(bond)).isTrue();
        assertThat(query(null, null, org.openpchat.chat.domain.room.RoomType.AUDITORIUM, null, null, null, null)
                .matches(lobby)).isFalse();
        assertThat(query(null, null, null, true, null, null, null).matches(bond)).isTrue();
        assertThat(query(null, null, null, true, null, null, null).matches(lobby)).isFalse();
        assertThat(query(null, null, null, false, null, null, null).matches(lobby)).isTrue();
        assertThat(query(null, null, null, null, alice, null, null).matches(bond)).isTrue();
        assertThat(query(null, null, null, null, bob, null, null).matches(bond)).isFalse();
        assertThat(query(null, null, null, null, null, bob, null).matches(bond)).isTrue();
        assertThat(query(null, null, null, null, null, alice, null).matches(bond)).isFalse();
        assertThat(query(null, null, null, null, null, null, "quotes").matches(bond)).isTrue();
        assertThat(query(null, null, null, null, null, null, "News").matches(bond)).isFalse();
        assertThat(query(null, null, null, null, null, null, "Quotes").matches(lobby)).isFalse();
    }

    @Test
    void aRoomWithoutDescriptionIsSearchedByNameOnly() {
        assertThat(filter("futures", true).matches(bondFutures)).isTrue();
        assertThat(filter("income", true).matches(bondFutures)).isFalse();
        assertThat(filter("*income*", true).matches(bondFutures)).isFalse();
    }

    private static RoomQuery query(String category, org.openpchat.chat.domain.room.Privacy privacy,
            org.openpchat.chat.domain.room.RoomType type, Boolean disabled,
            org.openpchat.chat.domain.principal.PrincipalId manager,
            org.openpchat.chat.domain.principal.PrincipalId member, String addin) {
        return new RoomQuery(null, false, category, privacy, type, disabled, manager, member, addin, 100);
    }
}
