package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;

class ServletRuleTest {

    @Test
    void emptyRuleTakesEverything() {
        ServletRule rule = ServletRule.of(spec("", "", ""));
        assertThat(rule.matches("INVITE", "anyone", "example.com")).isTrue();
        assertThat(rule.matches("OPTIONS", null, null)).isTrue();
    }

    @Test
    void methodsUserAndHostMustAllMatch() {
        ServletRule rule = ServletRule.of(spec(" invite, INFO ,bye", "ocschat|pchat", "example\\.com"));
        assertThat(rule.matches("INVITE", "ocschat", "example.com")).isTrue();
        assertThat(rule.matches("BYE", "PChat", "EXAMPLE.com")).isTrue();
        assertThat(rule.matches("OPTIONS", "ocschat", "example.com")).isFalse();
        assertThat(rule.matches("INVITE", "alice", "example.com")).isFalse();
        assertThat(rule.matches("INVITE", "ocschat", "example.org")).isFalse();
        assertThat(rule.matches("INVITE", null, "example.com")).isFalse();
    }

    @Test
    void badPatternsAreRefusedAtActivation() {
        assertThatThrownBy(() -> spec("", "(unclosed", "").validate()).isInstanceOf(InvalidPropertyException.class);
    }

    @Test
    void registryPicksTheLowestOrderAmongMatches() {
        ServletRegistry registry = new ServletRegistry();
        SipServletActivationSpec catchAll = spec("", "", "");
        catchAll.setOrder(1000);
        SipServletActivationSpec chat = spec("", "pchat", "");
        chat.setOrder(10);
        registry.add(new ServletEndpoint("fallback", ServletRule.of(catchAll), null));
        registry.add(new ServletEndpoint("chat", ServletRule.of(chat), null));

        assertThat(registry.select("INVITE", "pchat", "example.com")).get().extracting(ServletEndpoint::name)
                .isEqualTo("chat");
        assertThat(registry.select("INVITE", "alice", "example.com")).get().extracting(ServletEndpoint::name)
                .isEqualTo("fallback");
        assertThat(registry.byName("chat")).isPresent();
        assertThat(registry.byName("nobody")).isEmpty();
    }

    private static SipServletActivationSpec spec(String methods, String user, String host) {
        SipServletActivationSpec spec = new SipServletActivationSpec();
        spec.setMethods(methods);
        spec.setRequestUser(user);
        spec.setRequestHost(host);
        return spec;
    }
}
