package org.openpchat.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFieldsTest {

    @Test
    void anUnchangedFieldIsNotSent() {
        assertThat(TextFields.change("Say hello", "Say hello")).isNull();
        assertThat(TextFields.change(null, null)).isNull();
        assertThat(TextFields.change("", null)).isNull();
    }

    @Test
    void aChangedFieldIsSentAndAnEmptiedOneIsSentEmpty() {
        assertThat(TextFields.change("Say hello", "Say goodbye")).isEqualTo("Say goodbye");
        assertThat(TextFields.change(null, "new")).isEqualTo("new");
        assertThat(TextFields.change("Say hello", null)).isEmpty();
    }
}
