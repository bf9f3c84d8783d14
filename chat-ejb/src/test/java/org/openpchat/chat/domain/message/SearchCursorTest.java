package org.openpchat.chat.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.shared.DomainException;

class SearchCursorTest {

    @Test
    void itsTextReadsBackAsItself() {
        SearchCursor cursor = new SearchCursor(Instant.parse("2026-11-30T12:00:00.123456Z"), 42);

        assertThat(SearchCursor.parse(cursor.text())).isEqualTo(cursor);
        assertThat(cursor.text()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void anythingElseIsInvalid() {
        for (String bad : new String[] {"garbage!", "", "bm90IGEgY3Vyc29y", "MjAyNi0xMS0zMHx4"}) {
            assertThatThrownBy(() -> SearchCursor.parse(bad)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
        }
    }
}
