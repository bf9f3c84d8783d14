package org.openpchat.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException;

class PrincipalListsTest {

    @Test
    void entriesAreReadAsTheApiWritesThemAndBlanksAreSkipped() {
        assertThat(PrincipalLists.parse(List.of(" sip:Bob@example.com ", "", "group:staff", "domain:example.com")))
                .containsExactly(PrincipalId.user("bob@example.com"), PrincipalId.group("staff"),
                        PrincipalId.domain("example.com"));
        assertThat(PrincipalLists.parse(null)).isEmpty();
    }

    @Test
    void anEntryWithoutItsKindIsRefusedWithTheApisWording() {
        assertThatThrownBy(() -> PrincipalLists.parse(List.of("group:staff", "bob@example.com")))
                .isInstanceOf(DomainException.class).hasMessageContaining("bob@example.com")
                .hasMessageContaining("sip:<address>");
    }

    @Test
    void aNewItemsListReplacesTheEmptyOneAndAnEmptyListIsNoChange() {
        assertThat(PrincipalLists.initial(List.of("group:staff")))
                .isEqualTo(AccessList.replacing(List.of(PrincipalId.group("staff"))));
        assertThat(PrincipalLists.initial(List.of())).isNull();
    }

    @Test
    void anEditIsSentAsWhatItAddsAndRemoves() {
        AccessList change = PrincipalLists.change(List.of("sip:alice@example.com", "group:staff"),
                List.of("group:STAFF", "sip:bob@example.com"));

        assertThat(change.add()).containsExactly(PrincipalId.user("bob@example.com"));
        assertThat(change.remove()).containsExactly(PrincipalId.user("alice@example.com"));
        assertThat(change.replace()).isNull();
        assertThat(PrincipalLists.change(List.of("group:staff"), List.of("group:Staff"))).isNull();
    }
}
