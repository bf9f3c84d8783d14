package org.openpchat.chat.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpchat.chat.domain.shared.DomainException;

class ScopeTest {

    @Test
    void parsesGlobal() {
        assertThat(Scope.parse("global")).isEqualTo(Scope.GLOBAL);
        assertThat(Scope.parse(" Global ")).isEqualTo(Scope.GLOBAL);
        assertThat(Scope.GLOBAL.name()).isNull();
    }

    @Test
    void parsesSite() {
        assertThat(Scope.parse("site:Redmond")).isEqualTo(new Scope(Scope.Kind.SITE, "Redmond"));
        assertThat(Scope.parse("Site:Redmond").kind()).isEqualTo(Scope.Kind.SITE);
    }

    @Test
    void parsesServiceWithCaseInsensitivePrefix() {
        Scope expected = new Scope(Scope.Kind.SERVICE, "pc1.example.com");

        assertThat(Scope.parse("service:PersistentChatServer:pc1.example.com")).isEqualTo(expected);
        assertThat(Scope.parse("SERVICE:persistentchatserver:PC1.Example.com")).isEqualTo(expected);
    }

    @Test
    void parsesTagWithOrWithoutPrefix() {
        assertThat(Scope.parse("tag:Traders")).isEqualTo(new Scope(Scope.Kind.TAG, "Traders"));
        assertThat(Scope.parse("Traders")).isEqualTo(new Scope(Scope.Kind.TAG, "Traders"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "global", "site:Redmond", "service:PersistentChatServer:pc1.example.com", "tag:Traders"
    })
    void identityRoundTrip(String identity) {
        Scope scope = Scope.parse(identity);

        assertThat(scope.identity()).isEqualTo(identity);
        assertThat(scope.toString()).isEqualTo(identity);
        assertThat(Scope.parse(scope.identity())).isEqualTo(scope);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "service:foo", "service:PersistentChatServer:", "site:", "tag: ", "registrar:pool.example.com", "", " "
    })
    void badIdentitiesAreRefused(String identity) {
        assertThatThrownBy(() -> Scope.parse(identity))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
    }
}
