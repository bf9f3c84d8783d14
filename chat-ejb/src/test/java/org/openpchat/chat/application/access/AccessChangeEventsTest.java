package org.openpchat.chat.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.FiredEvents;
import org.openpchat.chat.application.audit.AuditEntry;
import org.openpchat.chat.application.audit.AuditLog;

class AccessChangeEventsTest {

    @Test
    void changesThatMayTakeRoomsAwayAreAnnounced() {
        assertThat(AccessChangeEvents.affectsAccess("Set-CsPersistentChatRoom")).isTrue();
        assertThat(AccessChangeEvents.affectsAccess("Remove-CsPersistentChatRoom")).isTrue();
        assertThat(AccessChangeEvents.affectsAccess("Set-CsPersistentChatCategory")).isTrue();
        assertThat(AccessChangeEvents.affectsAccess("Grant-CsPersistentChatPolicy")).isTrue();
        assertThat(AccessChangeEvents.affectsAccess("New-CsPersistentChatPolicy")).isTrue();
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

    @Test
    void theChangeIsRecordedThenAnnouncedAndOthersOnlyRecorded() {
        List<String> recorded = new ArrayList<>();
        FiredEvents<AccessChanged> fired = new FiredEvents<>();
        AuditLog log = new AuditLog() {
            @Override
            public void record(String actor, String action, String target, Object before, Object after) {
                recorded.add(action + " " + target);
            }

            @Override
            public List<AuditEntry> since(Instant since, int max) {
                return List.of();
            }
        };
        AccessChangeEvents audited = new AccessChangeEvents(log, fired) {
        };

        audited.record("admin", "Set-CsPersistentChatRoom", "room:Desk", null, null);
        audited.record("admin", "New-CsPersistentChatAddin", "addin:Stocks", null, null);

        assertThat(recorded).containsExactly("Set-CsPersistentChatRoom room:Desk", "New-CsPersistentChatAddin addin:Stocks");
        assertThat(fired.fired()).containsExactly(new AccessChanged("Set-CsPersistentChatRoom"));
        assertThat(audited.since(Instant.EPOCH, 10)).isEmpty();
    }
}
