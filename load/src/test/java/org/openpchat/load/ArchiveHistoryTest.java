package org.openpchat.load;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchiveHistoryTest {

    private static final Instant NEWEST = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void writesOneMessagePerLineInIdOrderEndingAtTheNewestInstant() throws Exception {
        StringWriter out = new StringWriter();
        new ArchiveHistory("History", n -> "load" + n + "@example.com", 2).write(out, 3, NEWEST);

        List<JsonObject> lines = out.toString().lines().map(line -> Json.createReader(new StringReader(line)).readObject())
                .toList();
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(line -> line.getJsonNumber("id").longValue()).containsExactly(1L, 2L, 3L);
        assertThat(lines).extracting(line -> line.getString("author"))
                .containsExactly("sip:load1@example.com", "sip:load2@example.com", "sip:load1@example.com");
        assertThat(lines).extracting(line -> line.getString("postedAt"))
                .containsExactly("2026-12-01T11:59:58Z", "2026-12-01T11:59:59Z", "2026-12-01T12:00:00Z");
        assertThat(lines).allSatisfy(line -> assertThat(line.getString("room")).isEqualTo("History"));
        String third = lines.get(2).getString("content");
        assertThat(third).startsWith("history 3 tag3 ");
        assertThat(third.split(" ")).hasSize(13);
    }

    @Test
    void theVocabularyHasEightThousandDistinctWordsAndKnowsTheSearchDefault() {
        Set<String> words = new HashSet<>();
        for (int i = 0; i < ArchiveHistory.vocabulary(); i++) {
            words.add(ArchiveHistory.word(i));
        }
        assertThat(words).hasSize(8000).contains("kaloni");
        assertThat(ArchiveHistory.word(0)).isEqualTo("kakaka");
    }

    @Test
    void theSameCountWritesTheSameTexts() throws Exception {
        StringWriter once = new StringWriter();
        StringWriter again = new StringWriter();
        new ArchiveHistory("History", n -> "load" + n + "@example.com", 1).write(once, 5, NEWEST);
        new ArchiveHistory("History", n -> "load" + n + "@example.com", 1).write(again, 5, NEWEST);
        assertThat(once.toString()).isEqualTo(again.toString());
    }
}
