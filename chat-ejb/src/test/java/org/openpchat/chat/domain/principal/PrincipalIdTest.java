package org.openpchat.chat.domain.principal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpchat.chat.domain.shared.DomainException;

class PrincipalIdTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "sip:alice@example.com", "group:staff", "ou:ou=traders,dc=example,dc=com", "domain:example.com"
    })
    void parseAndToStringRoundTrip(String text) {
        PrincipalId id = PrincipalId.parse(text);

        assertThat(id.toString()).isEqualTo(text);
        assertThat(PrincipalId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void parseReadsTheKindFromThePrefix() {
        assertThat(PrincipalId.parse("sip:alice@example.com").kind()).isEqualTo(PrincipalKind.USER);
        assertThat(PrincipalId.parse("group:staff").kind()).isEqualTo(PrincipalKind.GROUP);
        assertThat(PrincipalId.parse("ou:OU=Traders,DC=example,DC=com").kind()).isEqualTo(PrincipalKind.OU);
        assertThat(PrincipalId.parse("domain:example.com").kind()).isEqualTo(PrincipalKind.DOMAIN);
    }

    @Test
    void namesAndPrefixesCompareCaseInsensitively() {
        PrincipalId shouted = PrincipalId.parse("SIP:Alice@Example.com");

        assertThat(shouted).isEqualTo(PrincipalId.parse("sip:alice@example.com"));
        assertThat(shouted.hashCode()).isEqualTo(PrincipalId.parse("sip:alice@example.com").hashCode());
        assertThat(shouted.toString()).isEqualTo("sip:alice@example.com");
        assertThat(PrincipalId.group("Staff")).isEqualTo(PrincipalId.parse("Group:STAFF"));
    }

    @Test
    void userAcceptsTheAddressWithOrWithoutTheSipPrefix() {
        assertThat(PrincipalId.user("sip:x@y")).isEqualTo(PrincipalId.user("x@y"));
        assertThat(PrincipalId.user("SIP:x@y")).isEqualTo(PrincipalId.user("x@y"));
        assertThat(PrincipalId.user("x@y").toString()).isEqualTo("sip:x@y");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "alice@example.com",          // no colon
        ":alice@example.com",         // empty prefix
        "user:alice@example.com",     // unknown prefix
        "sip:alice",                  // user without @
        "sip:@example.com",           // nothing before @
        "sip:alice@",                 // nothing after @
        "sip:a@b@c",                  // two @
        "ou:DC=example,DC=com",       // OU not starting with OU=
        "group:",                     // no name
        "domain:   "                  // blank name
    })
    void invalidInputIsRefusedAsInvalid(String text) {
        assertThatThrownBy(() -> PrincipalId.parse(text))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
    }

    @Test
    void factoriesRefuseInvalidNamesToo() {
        assertThatThrownBy(() -> PrincipalId.user("alice"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
        assertThatThrownBy(() -> PrincipalId.ou("CN=Users,DC=example,DC=com"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
        assertThatThrownBy(() -> PrincipalId.parse(null)).isInstanceOf(DomainException.class);
    }

    @Test
    void nameOfMaximumLengthIsAcceptedOneMoreIsRefused() {
        String fits = "a".repeat(PrincipalId.MAX_LENGTH - "group:".length());

        assertThat(PrincipalId.group(fits).toString()).hasSize(PrincipalId.MAX_LENGTH);
        assertThatThrownBy(() -> PrincipalId.group(fits + "a")).isInstanceOf(DomainException.class);
    }

    @Test
    void ouAncestryListsItselfAndTheOusAboveNearestFirst() {
        PrincipalId traders = PrincipalId.ou("OU=Traders,OU=Finance,DC=example,DC=com");

        assertThat(traders.ouAncestry()).containsExactly(
                PrincipalId.ou("OU=Traders,OU=Finance,DC=example,DC=com"),
                PrincipalId.ou("OU=Finance,DC=example,DC=com"));
    }

    @Test
    void ouAncestryHonoursEscapedCommasAndIsEmptyForOtherKinds() {
        assertThat(PrincipalId.ou("OU=Sales\\, North,OU=Sales,DC=example,DC=com").ouAncestry())
                .containsExactly(
                        PrincipalId.ou("OU=Sales\\, North,OU=Sales,DC=example,DC=com"),
                        PrincipalId.ou("OU=Sales,DC=example,DC=com"));
        assertThat(PrincipalId.group("staff").ouAncestry()).isEmpty();
    }

    @Test
    void sipDomainOfUserAndDomainOnly() {
        assertThat(PrincipalId.user("Alice@Example.COM").sipDomain()).isEqualTo("example.com");
        assertThat(PrincipalId.domain("example.com").sipDomain()).isEqualTo("example.com");
        assertThat(PrincipalId.group("staff").sipDomain()).isNull();
        assertThat(PrincipalId.ou("OU=Traders,DC=example,DC=com").sipDomain()).isNull();
    }

    @Test
    void anOuWithoutAParentIsItsOwnWholeAncestry() {
        assertThat(PrincipalId.ou("OU=Traders").ouAncestry()).containsExactly(PrincipalId.ou("OU=Traders"));
    }

    @Test
    void aPrincipalWithoutAKindBeforeTheColonIsRefusedWithTheForms() {
        assertThatThrownBy(() -> PrincipalId.parse(":alice@example.com")).isInstanceOf(DomainException.class)
                .hasMessageContaining("a principal is written sip:<address>");
    }
}
