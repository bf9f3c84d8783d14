package org.openpchat.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormSignInTest {

    @Test
    void anAdministratorReturnsToTheAdministrationPageAskedFor() {
        assertThat(FormSignIn.landing("/admin/rooms.xhtml?name=Desk", true)).isEqualTo("/admin/rooms.xhtml?name=Desk");
        assertThat(FormSignIn.landing("/rooms/", true)).isEqualTo("/rooms/");
    }

    @Test
    void someoneElseIsNeverSentToAnAdministrationPage() {
        assertThat(FormSignIn.landing("/admin/", false)).isEqualTo("/rooms/");
        assertThat(FormSignIn.landing("/rooms/index.xhtml", false)).isEqualTo("/rooms/index.xhtml");
    }

    @Test
    void withoutAPageOfTheConsoleToReturnToEveryoneGoesToTheirStartPage() {
        assertThat(FormSignIn.landing(null, true)).isEqualTo("/admin/");
        assertThat(FormSignIn.landing(null, false)).isEqualTo("/rooms/");
        assertThat(FormSignIn.landing("//evil.example/admin/", true)).isEqualTo("/admin/");
        assertThat(FormSignIn.landing("/api/v1/rooms", false)).isEqualTo("/rooms/");
    }
}
