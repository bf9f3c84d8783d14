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
}
