package org.openpchat.chat.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValidateTest {

    @Test
    void nameIsStrippedAndMayHaveExactlyTheMaximumLength() {
        assertThat(Validate.name(" abc ", "name", 3)).isEqualTo("abc");
        assertThatThrownBy(() -> Validate.name("abcd", "name", 3)).isInstanceOf(DomainException.class)
                .hasMessage("name is longer than 3 characters");
        assertThatThrownBy(() -> Validate.name(" ", "name", 3)).isInstanceOf(DomainException.class)
                .hasMessage("name must not be empty");
    }

    @Test
    void optionalTextIsKeptAsWrittenUpToTheMaximumLength() {
        assertThat(Validate.optionalText(" ab", "text", 3)).isEqualTo(" ab");
        assertThat(Validate.optionalText(null, "text", 3)).isNull();
        assertThatThrownBy(() -> Validate.optionalText("abcd", "text", 3)).isInstanceOf(DomainException.class);
    }

    @Test
    void rangeIncludesBothEnds() {
        assertThat(Validate.range(1, 1, 3, "n")).isEqualTo(1);
        assertThat(Validate.range(3, 1, 3, "n")).isEqualTo(3);
        assertThatThrownBy(() -> Validate.range(0, 1, 3, "n")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Validate.range(4, 1, 3, "n")).isInstanceOf(DomainException.class);
    }

    @Test
    void httpUrlIsAnAbsoluteHttpOrHttpsUrlOfAtMost2000Characters() {
        String base = "https://example.com/";
        String longest = base + "a".repeat(2000 - base.length());
        assertThat(Validate.httpUrl(longest, "url")).isEqualTo(longest);
        assertThatThrownBy(() -> Validate.httpUrl(longest + "a", "url")).isInstanceOf(DomainException.class)
                .hasMessageContaining("longer than 2000");
        assertThat(Validate.httpUrl(" HTTP://example.com/x ", "url")).isEqualTo("HTTP://example.com/x");
        assertThat(Validate.httpUrl(" ", "url")).isNull();
        for (String bad : new String[] {"ftp://example.com/", "/relative", "https:///nohost", "http://exa mple.com"}) {
            assertThatThrownBy(() -> Validate.httpUrl(bad, "url")).as(bad).isInstanceOf(DomainException.class);
        }
    }
}
