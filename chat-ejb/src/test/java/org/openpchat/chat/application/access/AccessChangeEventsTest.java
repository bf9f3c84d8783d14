package org.openpchat.chat.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
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
        List<AccessChanged> fired = new ArrayList<>();
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
        AccessChangeEvents events = new AccessChangeEvents(log, new FiredEvents(fired)) {
        };

        events.record("admin", "Set-CsPersistentChatRoom", "room:Desk", null, null);
        events.record("admin", "New-CsPersistentChatAddin", "addin:Stocks", null, null);

        assertThat(recorded).containsExactly("Set-CsPersistentChatRoom room:Desk", "New-CsPersistentChatAddin addin:Stocks");
        assertThat(fired).containsExactly(new AccessChanged("Set-CsPersistentChatRoom"));
        assertThat(events.since(Instant.EPOCH, 10)).isEmpty();
    }

    /** An Event that keeps what was fired. */
    private record FiredEvents(List<AccessChanged> fired) implements Event<AccessChanged> {

        @Override
        public void fire(AccessChanged event) {
            fired.add(event);
        }

        @Override
        public <U extends AccessChanged> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends AccessChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<AccessChanged> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends AccessChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends AccessChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
