package org.openpchat.chat.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

class EnumTextTest {

    @Test
    void valuesAreWrittenAsTheCmdletsWriteThem() {
        assertThat(EnumText.of(DayOfWeek.MONDAY)).isEqualTo("Monday");
        assertThat(EnumText.of(null)).isNull();
    }
}
