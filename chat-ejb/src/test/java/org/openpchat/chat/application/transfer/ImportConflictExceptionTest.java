package org.openpchat.chat.application.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ImportConflictExceptionTest {

    private static List<String> conflicts(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "room:r" + i).toList();
    }

    @Test
    void theMessageNamesTheFirstTwentyConflicts() {
        assertThat(new ImportConflictException(conflicts(20)).getMessage()).isEqualTo("20 item(s) of the archive"
                + " exist already and differ; import with replace to overwrite them: "
                + String.join(", ", conflicts(20)));
        ImportConflictException many = new ImportConflictException(conflicts(21));
        assertThat(many.getMessage()).startsWith("21 item(s)").endsWith("room:r20, ...");
        assertThat(many.conflicts()).hasSize(21);
    }
}
