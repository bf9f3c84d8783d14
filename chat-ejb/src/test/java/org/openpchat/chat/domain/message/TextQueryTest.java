package org.openpchat.chat.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.shared.DomainException;

class TextQueryTest {

    private static TextQuery words(String text) {
        return new TextQuery(text, false, false);
    }

    private static TextQuery phrase(String text) {
        return new TextQuery(text, true, false);
    }

    @Test
    void wordModeMatchesWholeWordsOnly() {
        assertThat(words("cat").matches("the cat sat")).isTrue();
        assertThat(words("cat").matches("category")).isFalse();
        assertThat(words("cat").matches("concatenate")).isFalse();
        assertThat(words("cat").matches("a category, then a cat")).as("second occurrence").isTrue();
    }

    @Test
    void wordModeNeedsEveryWordInAnyOrder() {
        assertThat(words("sat cat").matches("the cat sat")).isTrue();
        assertThat(words("cat dog").matches("the cat sat")).isFalse();
        assertThat(words("sat cat").fragments()).containsExactly("sat", "cat");
    }

    @Test
    void exactPhraseNeedsTheWordsAdjacentAndInOrder() {
        assertThat(phrase("cat sat").matches("the cat sat down")).isTrue();
        assertThat(phrase("cat sat").matches("the cat quickly sat")).isFalse();
        assertThat(phrase("sat cat").matches("the cat sat")).isFalse();
        assertThat(phrase("cat sat").matches("the cat satisfied")).as("boundary at the end").isFalse();
        assertThat(phrase("cat sat").fragments()).containsExactly("cat sat");
    }

    @Test
    void caseIgnoredUnlessAskedFor() {
        assertThat(words("CAT").matches("The Cat sat")).isTrue();
        assertThat(new TextQuery("Cat", false, true).matches("the cat sat")).isFalse();
        assertThat(new TextQuery("Cat", false, true).matches("the Cat sat")).isTrue();
        assertThat(new TextQuery("The Cat", true, true).matches("the cat sat")).isFalse();
    }

    @Test
    void punctuationIsAWordBoundary() {
        assertThat(words("cat").matches("I saw a cat, then left")).isTrue();
        assertThat(words("cat").matches("(cat)")).isTrue();
        assertThat(words("cat").matches("cat.")).isTrue();
        assertThat(words("cat").matches("cat2")).as("digits are part of the word").isFalse();
    }

    @Test
    void queryWhitespaceIsNormalised() {
        TextQuery query = words("  cat \t\n  sat  ");

        assertThat(query.text()).isEqualTo("cat sat");
        assertThat(query.fragments()).containsExactly("cat", "sat");
        assertThat(phrase("cat    sat").matches("the cat sat")).isTrue();
    }

    @Test
    void emptyOrTooLongQueryIsRefused() {
        assertThatThrownBy(() -> words("")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> words("   ")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> words(null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> words("a".repeat(TextQuery.MAX_LENGTH + 1)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
        assertThat(words("a".repeat(TextQuery.MAX_LENGTH)).text()).hasSize(TextQuery.MAX_LENGTH);
    }

    @Test
    void nullContentNeverMatches() {
        assertThat(words("cat").matches(null)).isFalse();
    }

    @Test
    void phraseMatchesAcrossAnyRunOfWhitespace() {
        assertThat(phrase("cat  sat").matches("the cat  sat")).isTrue();
        assertThat(phrase("cat sat").matches("the cat\nsat")).isTrue();
    }

    @Test
    void aWordMatchesAtEitherEndOfTheTextButNotInsideAWord() {
        TextQuery red = new TextQuery("red", false, false);

        assertThat(red.matches("red build")).isTrue();
        assertThat(red.matches("build red")).isTrue();
        assertThat(red.matches("red")).isTrue();
        assertThat(red.matches("ared")).isFalse();
        assertThat(red.matches("reds")).isFalse();
        assertThat(red.matches("xred red")).as("a later whole word").isTrue();
    }
}
