package org.openpchat.load;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Made-up history for one room in the export archive's message format: posts 1 .. N, one a
 * second up to {@code newest}, from the load users in turn. Each text has ten words of a
 * vocabulary of 8,000 (each word in about one post of 800), and {@code tagK} with K the post's
 * number modulo 10,000, so searches with known selectivity can be made.
 */
final class ArchiveHistory {

    static final int TAGS = 10_000;
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "vu",
            "ba", "go", "hi", "je", "ku", "la", "mo", "ni", "pe", "ro"};
    private static final int WORDS_PER_POST = 10;
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);

    private final String room;
    private final IntFunction<String> userName;
    private final int authors;

    /** Posts come from users {@code userName.apply(1)} .. {@code userName.apply(authors)} in turn. */
    ArchiveHistory(String room, IntFunction<String> userName, int authors) {
        this.room = room;
        this.userName = userName;
        this.authors = authors;
    }

    static String entryOf(String roomUid) {
        return "messages/" + roomUid + ".jsonl";
    }

    /** The vocabulary's {@code index}th word (0 .. 7,999): three syllables. */
    static String word(int index) {
        int n = SYLLABLES.length;
        return SYLLABLES[index % n] + SYLLABLES[(index / n) % n] + SYLLABLES[(index / (n * n)) % n];
    }

    static int vocabulary() {
        return SYLLABLES.length * SYLLABLES.length * SYLLABLES.length;
    }

    void write(Writer out, long messages, Instant newest) throws IOException {
        SplittableRandom random = new SplittableRandom(messages);
        StringBuilder text = new StringBuilder(128);
        for (long id = 1; id <= messages; id++) {
            text.setLength(0);
            text.append("history ").append(id).append(" tag").append(id % TAGS);
            for (int w = 0; w < WORDS_PER_POST; w++) {
                text.append(' ').append(word(random.nextInt(vocabulary())));
            }
            out.write(JSON.createObjectBuilder().add("room", room).add("id", id)
                    .add("author", "sip:" + userName.apply((int) (1 + (id - 1) % authors)))
                    .add("postedAt", newest.minusSeconds(messages - id).toString())
                    .add("content", text.toString()).build().toString());
            out.write('\n');
        }
    }
}
