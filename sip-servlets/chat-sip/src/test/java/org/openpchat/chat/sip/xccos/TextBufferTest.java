package org.openpchat.chat.sip.xccos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextBufferTest {

    @Test
    void keepsEverythingWrittenInOrder() {
        TextBuffer buffer = new TextBuffer(1);

        buffer.write('<');
        buffer.write("xuibx", 1, 3);
        buffer.write(new char[] {'-', ' ', '/', '>', '-'}, 1, 3);
        buffer.append("é\u2028");
        buffer.flush();
        buffer.close();

        assertThat(buffer).hasToString("<uib />é\u2028");
    }
}
