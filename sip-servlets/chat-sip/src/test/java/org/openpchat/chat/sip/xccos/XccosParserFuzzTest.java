package org.openpchat.chat.sip.xccos;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Any INFO body either parses or is refused with {@link MalformedXccosException} (the INFO's
 * 400/413); any other exception, or an input that takes longer than libFuzzer's timeout, is a
 * finding. The body is decoded as the container decodes it by default: UTF-8.
 * <p>
 * In {@code mvn verify} this runs once over the seed corpus in
 * {@code XccosParserFuzzTestInputs/parse} and then fuzzes for a bounded time (chat-sip's
 * {@code fuzz} profile); {@code JAZZER_FUZZ=1} fuzzes it for {@code maxDuration}
 * (docs/security.md, "Fuzzing and torture tests").
 */
class XccosParserFuzzTest {

    private final XccosParser parser = new XccosParser();

    @FuzzTest(maxDuration = "10m")
    @DictionaryFile(resourcePath = "/org/openpchat/chat/sip/xccos.dict")
    void parse(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        XccosEnvelope envelope;
        try {
            envelope = parser.parse(body);
        } catch (MalformedXccosException e) {
            assertThat(e.getMessage()).as("the reason the INFO's 400 carries").isNotBlank();
            return;
        }
        assertThat(envelope.elements()).allSatisfy(element -> {
            assertThat(element.kind()).isNotEmpty();
            assertThat(element.node().name()).isEqualTo(element.kind());
            assertThat(depth(element.node())).isLessThan(XccosParser.MAX_DEPTH);
        });
        assertThat(elements(envelope)).isLessThan(XccosParser.MAX_ELEMENTS);
    }

    private static int depth(XmlNode node) {
        return 1 + node.children().stream().mapToInt(XccosParserFuzzTest::depth).max().orElse(0);
    }

    private static int elements(XccosEnvelope envelope) {
        return envelope.elements().stream().mapToInt(e -> count(e.node())).sum();
    }

    private static int count(XmlNode node) {
        return 1 + node.children().stream().mapToInt(XccosParserFuzzTest::count).sum();
    }
}
