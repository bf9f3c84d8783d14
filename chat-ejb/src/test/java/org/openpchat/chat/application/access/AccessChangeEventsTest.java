package org.openpchat.chat.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessChangeEventsTest {

    @Test
    void changesThatMayTakeRoomsAwayAreAnnounced() {
        assertThat(AccessChangeEvents.affectsAccess("Set-CsPersistentChatRoom")).isTrue();
        assertThat(AccessChangeEvents.affectsAccess("Remove-CsPersistentChatRoom")).isTrue();
        assertThat(AccessChangeEvents.affectsAccess("Set-CsPersistentChatCategory")).isTrue();
        assertThat(AccessChangeEvents.affectsAccess("Grant-CsPersistentChatPolicy")).isTrue();
        assertThat(AccessChangeEvents.affectsAccess("Set-User (password changed)")).isTrue();
        assertThat(AccessChangeEvents.affectsAccess("Remove-Group")).isTrue();
    }

    @Test
    void changesThatGiveOrTouchNothingOfAccessAreNot() {
        assertThat(AccessChangeEvents.affectsAccess("New-CsPersistentChatRoom")).isFalse();
        assertThat(AccessChangeEvents.affectsAccess("Set-CsPersistentChatAddin")).isFalse();
        assertThat(AccessChangeEvents.affectsAccess("Clear-CsPersistentChatRoom")).isFalse();
        assertThat(AccessChangeEvents.affectsAccess("Set-UserPreference")).isFalse();
    }
}
