package org.openpchat.chat.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFilterTest {

    @Test
    void aPlainFilterIsAFragmentAnywhereInAnyCase() {
        TextFilter desk = TextFilter.of("DESK");

        assertThat(desk.wildcard()).isFalse();
        assertThat(desk.matches("Bond desk 2")).isTrue();
        assertThat(desk.matches("Bond")).isFalse();
        assertThat(desk.matches(null)).isFalse();
    }

    @Test
    void starAndQuestionMarkAreWildcardsOverTheWholeText() {
        TextFilter pattern = TextFilter.of("b?nd*");

        assertThat(pattern.wildcard()).isTrue();
        assertThat(pattern.matches("Bond Desk")).isTrue();
        assertThat(pattern.matches("Bind")).isTrue();
        assertThat(pattern.matches("A Bond")).as("anchored at both ends").isFalse();
        assertThat(TextFilter.of("a.c*").matches("abc")).as("other characters are literal").isFalse();
        assertThat(TextFilter.of("line?").matches("line\n")).isTrue();
    }

    @Test
    void aMissingOrBlankFilterMatchesEverything() {
        assertThat(TextFilter.of(null).matchesAll()).isTrue();
        assertThat(TextFilter.of(null).text()).isEmpty();
        assertThat(TextFilter.of("  ").matches("anything")).isTrue();
        assertThat(TextFilter.of("x").matchesAll()).isFalse();
    }
}
