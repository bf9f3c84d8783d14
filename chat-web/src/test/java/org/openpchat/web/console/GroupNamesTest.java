package org.openpchat.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException;

class GroupNamesTest {

    @Test
    void bareNamesAreGroupsAndPrefixedOnesArePrincipals() {
        assertThat(GroupNames.parse(List.of(" staff ", "group:analysts", "", "staff")))
                .containsExactly(PrincipalId.group("staff"), PrincipalId.group("analysts"));
        assertThat(GroupNames.shown(List.of("group:staff", "group:analysts"))).containsExactly("staff", "analysts");
    }

    @Test
    void aNewUserWithoutGroupsSendsNoList() {
        assertThat(GroupNames.initial(List.of())).isNull();
        assertThat(GroupNames.initial(List.of("staff")).replace()).containsExactly(PrincipalId.group("staff"));
    }

    @Test
    void anEditSendsOnlyWhatItAddsAndRemoves() {
        AccessList change = GroupNames.change(List.of("staff", "analysts"), List.of("staff", "traders"));

        assertThat(change.add()).containsExactly(PrincipalId.group("traders"));
        assertThat(change.remove()).containsExactly(PrincipalId.group("analysts"));
        assertThat(change.replace()).isNull();
        assertThat(GroupNames.change(List.of("staff"), List.of("group:staff"))).isNull();
    }

    @Test
    void somethingThatIsNoPrincipalIsRefused() {
        assertThatThrownBy(() -> GroupNames.parse(List.of("colour:red"))).isInstanceOf(DomainException.class);
    }
}
