package org.openpchat.chat.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.DomainException;

class MessageSearchTest {

    private static final Set<String> ROOM = Set.of("room-1");
    private static final PrincipalId ALICE = PrincipalId.user("alice@example.com");
    private static final PrincipalId BOB = PrincipalId.user("bob@example.com");
    private static final Instant T0 = Instant.parse("2024-01-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2024-01-01T11:00:00Z");
    private static final Instant T2 = Instant.parse("2024-01-01T12:00:00Z");
    private static final TextQuery CAT = new TextQuery("cat", false, false);

    private static ChatMessage post(PrincipalId author, Instant at, String content) {
        return new ChatMessage(1L, 1, author, at, content);
    }

    private static void assertInvalid(Runnable action) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
    }

    @Test
    void needsAtLeastOneRoom() {
        assertInvalid(() -> new MessageSearch(Set.of(), CAT, null, null, null, 10));
        assertInvalid(() -> new MessageSearch(null, CAT, null, null, null, 10));
    }

    @Test
    void needsTextOrAuthor() {
        assertInvalid(() -> new MessageSearch(ROOM, null, null, T0, T1, 10));
        assertThat(new MessageSearch(ROOM, null, ALICE, null, null, 10).author()).isEqualTo(ALICE);
        assertThat(new MessageSearch(ROOM, CAT, null, null, null, 10).text()).isEqualTo(CAT);
    }

    @Test
    void rangeStartingAfterItsEndIsRefused() {
        assertInvalid(() -> new MessageSearch(ROOM, CAT, null, T1, T0, 10));
        assertThat(new MessageSearch(ROOM, CAT, null, T1, T1, 10).from()).isEqualTo(T1);
    }

    @Test
    void limitMustBePositive() {
        assertInvalid(() -> new MessageSearch(ROOM, CAT, null, null, null, 0));
        assertThat(new MessageSearch(ROOM, CAT, null, null, null, 10).withLimit(3).limit()).isEqualTo(3);
    }

    @Test
    void matchesByAuthor() {
        MessageSearch byAlice = new MessageSearch(ROOM, null, ALICE, null, null, 10);

        assertThat(byAlice.matches(post(ALICE, T0, "anything"))).isTrue();
        assertThat(byAlice.matches(post(BOB, T0, "anything"))).isFalse();
    }

    @Test
    void matchesTimeRangeWithBothEndsIncluded() {
        MessageSearch range = new MessageSearch(ROOM, null, ALICE, T0, T1, 10);

        assertThat(range.matches(post(ALICE, T0, "x"))).isTrue();
        assertThat(range.matches(post(ALICE, T1, "x"))).isTrue();
        assertThat(range.matches(post(ALICE, T0.minusSeconds(1), "x"))).isFalse();
        assertThat(range.matches(post(ALICE, T2, "x"))).isFalse();
    }

    @Test
    void matchesAllCriteriaTogether() {
        MessageSearch search = new MessageSearch(ROOM, CAT, ALICE, T0, T1, 10);

        assertThat(search.matches(post(ALICE, T0, "the cat sat"))).isTrue();
        assertThat(search.matches(post(BOB, T0, "the cat sat"))).as("wrong author").isFalse();
        assertThat(search.matches(post(ALICE, T2, "the cat sat"))).as("too late").isFalse();
        assertThat(search.matches(post(ALICE, T0, "category"))).as("no whole word").isFalse();
    }

    @Test
    void textAloneIgnoresAuthorAndTime() {
        MessageSearch search = new MessageSearch(ROOM, CAT, null, null, null, 10);

        assertThat(search.matches(post(BOB, T2, "a cat"))).isTrue();
        assertThat(search.matches(post(BOB, T2, "a dog"))).isFalse();
    }

    @Test
    void aLimitOfOneAndAnInstantRangeAreAccepted() {
        MessageSearch search = new MessageSearch(ROOM, CAT, null, T0, T0, 1);

        assertThat(search.limit()).isEqualTo(1);
        assertThat(search.matches(post(ALICE, T0, "a cat"))).isTrue();
        assertInvalid(() -> new MessageSearch(ROOM, CAT, null, null, null, 0));
    }
}
