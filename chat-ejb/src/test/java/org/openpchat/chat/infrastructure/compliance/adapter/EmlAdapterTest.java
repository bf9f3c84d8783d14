package org.openpchat.chat.infrastructure.compliance.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpchat.chat.application.compliance.adapter.AdapterConfig;
import org.openpchat.chat.domain.compliance.Conversation;

class EmlAdapterTest {

    @TempDir
    Path output;

    @Test
    void writesOneParseableMessagePerRoom() throws Exception {
        EmlAdapter adapter = new EmlAdapter(Clock.fixed(Instant.parse("2026-03-12T20:00:00Z"), ZoneOffset.UTC));
        adapter.configure(new AdapterConfig("EmlAdapter", "Eml", output, Duration.ofMinutes(1), false, false, false,
                false, null, true));
        adapter.translate(Conversation.group(LyncXmlAdapterTest.scriptedBatch()));

        List<Path> files;
        try (Stream<Path> list = Files.list(output)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(2).allMatch(f -> f.toString().endsWith(".eml"));
        Path lobby = files.stream().filter(f -> f.toString().contains("11111111")).findFirst().orElseThrow();
        byte[] raw = Files.readAllBytes(lobby);
        for (byte b : raw) {
            assertThat(b).as("7-bit only").isNotNegative();
        }
        String eml = new String(raw, StandardCharsets.US_ASCII);

        int split = eml.indexOf("\r\n\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : eml.substring(0, split).split("\r\n")) {
            int colon = line.indexOf(": ");
            headers.put(line.substring(0, colon), line.substring(colon + 2));
        }
        assertThat(headers).containsKeys("From", "To", "Subject", "Date", "Message-ID", "MIME-Version");
        assertThat(headers.get("From")).isEqualTo("=?UTF-8?B?"
                + Base64.getEncoder().encodeToString("Alice Ärger".getBytes(StandardCharsets.UTF_8))
                + "?= <alice@example.com>");
        assertThat(headers.get("Subject")).isEqualTo("Persistent Chat: Lobby");
        assertThat(ZonedDateTime.parse(headers.get("Date"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                .isEqualTo(Instant.parse("2026-03-12T19:56:46Z"));
        assertThat(eml.substring(0, split).split("\r\n")).allMatch(line -> line.length() <= 998);

        String body = new String(Base64.getMimeDecoder().decode(eml.substring(split + 4).strip()),
                StandardCharsets.UTF_8);
        assertThat(body.split("\n")).containsExactly(
                "[2026-03-12T19:56:41.5222640Z] JOIN sip:alice@example.com (Alice Ärger)",
                "[2026-03-12T19:56:42.5222640Z] CHAT #1 sip:alice@example.com (Alice Ärger): hello \"world\" & <friends>",
                "[2026-03-12T19:56:44.5222640Z] BACKCHAT sip:alice@example.com (Alice Ärger): newest 30; 1 messages (1-1)",
                "[2026-03-12T19:56:46.5222640Z] PART sip:alice@example.com (Alice Ärger)");
    }
}
