package org.openpchat.chat.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopePrecedenceTest {

    private static final Scope TAG = Scope.tag("Traders");
    private static final Scope SERVICE = Scope.service("pc1.example.com");
    private static final Scope SITE = Scope.site("Redmond");

    private static Scope winner(List<Scope> settings, List<Scope> applicable) {
        return ScopePrecedence.mostSpecific(settings, s -> s, applicable).orElse(null);
    }

    @Test
    void applicableScopesComeMostSpecificFirst() {
        assertThat(ScopePrecedence.applicable("Traders", "pc1.example.com", "Redmond"))
                .containsExactly(TAG, SERVICE, SITE, Scope.GLOBAL);
    }

    @Test
    void missingScopesAreSkipped() {
        assertThat(ScopePrecedence.applicable(null, null, "Redmond")).containsExactly(SITE, Scope.GLOBAL);
        assertThat(ScopePrecedence.applicable(null, null, null)).containsExactly(Scope.GLOBAL);
    }

    @Test
    void tagBeatsServiceBeatsSiteBeatsGlobal() {
        List<Scope> applicable = ScopePrecedence.applicable("Traders", "pc1.example.com", "Redmond");

        assertThat(winner(List.of(Scope.GLOBAL, SITE, SERVICE, TAG), applicable)).isEqualTo(TAG);
        assertThat(winner(List.of(Scope.GLOBAL, SITE, SERVICE), applicable)).isEqualTo(SERVICE);
        assertThat(winner(List.of(Scope.GLOBAL, SITE), applicable)).isEqualTo(SITE);
        assertThat(winner(List.of(Scope.GLOBAL), applicable)).isEqualTo(Scope.GLOBAL);
    }

    @Test
    void settingsForOtherScopesDoNotApply() {
        List<Scope> applicable = ScopePrecedence.applicable(null, null, "Redmond");

        assertThat(winner(List.of(Scope.GLOBAL, Scope.site("Dublin"), TAG, SERVICE), applicable))
                .isEqualTo(Scope.GLOBAL);
        assertThat(winner(List.of(Scope.site("Dublin")), applicable)).isNull();
    }

    @Test
    void scopeNamesCompareCaseInsensitively() {
        assertThat(winner(List.of(Scope.GLOBAL, Scope.site("REDMOND")),
                ScopePrecedence.applicable(null, null, "redmond"))).isEqualTo(Scope.site("REDMOND"));
    }

    @Test
    void caseInsensitivityDoesNotDependOnTheDefaultLocale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
        try {
            assertThat(winner(List.of(Scope.GLOBAL, Scope.site("ISTANBUL")),
                    ScopePrecedence.applicable(null, null, "istanbul"))).isEqualTo(Scope.site("ISTANBUL"));
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void ofTwoSettingsForOneScopeTheFirstWins() {
        record Setting(Scope scope, String value) {
        }
        List<Setting> settings = List.of(new Setting(SITE, "first"), new Setting(Scope.site("REDMOND"), "second"));

        assertThat(ScopePrecedence.mostSpecific(settings, Setting::scope, List.of(SITE, Scope.GLOBAL)))
                .map(Setting::value).contains("first");
    }
}
