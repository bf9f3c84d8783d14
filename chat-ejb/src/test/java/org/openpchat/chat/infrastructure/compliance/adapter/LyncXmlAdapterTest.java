package org.openpchat.chat.infrastructure.compliance.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.ALICE;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.BOB;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.DESK;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.LOBBY;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpchat.chat.application.compliance.adapter.AdapterConfig;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapterException;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.domain.compliance.Conversation;
import org.xml.sax.SAXException;

class LyncXmlAdapterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-12T20:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path output;

    static List<ComplianceEvent> scriptedBatch() {
        return List.of(
                event(1, ComplianceEventType.JOIN, LOBBY, ALICE, 0, null),
                event(2, ComplianceEventType.CHAT, LOBBY, ALICE, 1, "hello \"world\" & <friends>"),
                event(3, ComplianceEventType.JOIN, DESK, BOB, 0, null),
                event(4, ComplianceEventType.BACKCHAT, LOBBY, ALICE, 0, "newest 30; 1 messages (1-1)"),
                event(5, ComplianceEventType.FILEUPLOAD, DESK, BOB, 0, "0988239a-report.txt"),
                event(6, ComplianceEventType.PART, LOBBY, ALICE, 0, null));
    }

    private AdapterConfig config(boolean onePerRoom, boolean details, boolean manifest, String xslt) {
        return new AdapterConfig("XmlAdapter", "XmlAdapter", output, Duration.ofMinutes(15), onePerRoom, details,
                details, manifest, xslt, true);
    }

    private List<Path> translate(AdapterConfig config) throws IOException {
        LyncXmlAdapter adapter = new LyncXmlAdapter(CLOCK);
        adapter.configure(config);
        adapter.translate(Conversation.group(scriptedBatch()));
        try (Stream<Path> files = Files.list(output)) {
            return files.sorted().toList();
        }
    }

    @Test
    void writesThePublishedFormat() throws Exception {
        List<Path> files = translate(config(false, false, false, null));

        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).matches("XmlAdapter_20260312T200000000Z_\\d+\\.xml");
        assertThat(Files.readString(files.get(0))).isEqualTo(golden("lync-xml-golden.xml"));
    }

    @Test
    void outputValidatesAgainstTheShippedSchema() throws Exception {
        List<Path> roomFiles = translate(config(true, true, true, null)).stream()
                .filter(file -> file.toString().endsWith(".xml")).toList();
        assertThat(roomFiles).as("one file per room of the batch").hasSize(2);
        for (Path file : roomFiles) {
            SecureXml.validate(ComplianceSchema.get(), Files.readAllBytes(file));
        }
        SecureXml.validate(ComplianceSchema.get(), golden("lync-xml-golden.xml").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSchemaRejectsWhatTheFormatForbids() {
        String unknownType = golden("lync-xml-golden.xml").replace("type=\"BACKCHAT\"", "type=\"SEARCH\"");
        assertThatThrownBy(() -> SecureXml.validate(ComplianceSchema.get(), unknownType.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SAXException.class).hasMessageContaining("SEARCH");
        String noSender = golden("lync-xml-golden.xml").replaceFirst("<Sender [^>]*/>", "");
        assertThatThrownBy(() -> SecureXml.validate(ComplianceSchema.get(), noSender.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SAXException.class);
    }

    @Test
    void oneFilePerRoomAndDetailsOnRequest() throws Exception {
        List<Path> files = translate(config(true, true, false, null));

        assertThat(files).hasSize(2);
        String lobby = Files.readString(files.stream().filter(f -> f.toString().contains(LOBBY.uid())).findFirst()
                .orElseThrow());
        assertThat(lobby).contains("<Channel uri=\"" + LOBBY.uri() + "\" name=\"Lobby\" category=\"General\""
                + " description=\"Say hello\"/>");
        assertThat(lobby).contains("email=\"alice@example.com\"").doesNotContain("Desk");
    }

    @Test
    void manifestListsTheFileTransfers() throws Exception {
        List<Path> files = translate(config(false, false, true, null));

        assertThat(files).extracting(f -> f.getFileName().toString().replaceAll("\\..*", ""))
                .containsOnly(files.get(0).getFileName().toString().replaceAll("\\..*", ""));
        Path manifest = files.stream().filter(f -> f.toString().endsWith(".ATTACH")).findFirst().orElseThrow();
        assertThat(Files.readString(manifest)).contains("<File type=\"FILEUPLOAD\" name=\"0988239a-report.txt\"")
                .contains("uri=\"sip:bob@fabrikam.com\"");
    }

    @Test
    void customConfigurationTransformsTheOutput() throws Exception {
        String xslt = golden("compliance-sample.xsl");
        List<Path> files = translate(config(false, false, false, xslt));

        String transformed = Files.readString(files.get(0));
        assertThat(transformed).contains("<FileDump>").contains("<RoomID>Lobby</RoomID>")
                .contains("<Body>hello \"world\" &amp; &lt;friends&gt;</Body>").doesNotContain("<Conversations");
    }

    @Test
    void aStylesheetCannotReachOutside() {
        String hostile = """
                <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                  <xsl:template match="/"><x><xsl:copy-of select="document('file:///etc/passwd')"/></x></xsl:template>
                </xsl:stylesheet>""";
        LyncXmlAdapter adapter = new LyncXmlAdapter(CLOCK);
        adapter.configure(config(false, false, false, hostile));
        assertThatThrownBy(() -> adapter.translate(Conversation.group(scriptedBatch())))
                .isInstanceOf(ComplianceAdapterException.class);
    }

    @Test
    void refusesAnInvalidStylesheetWhenConfigured() {
        assertThatThrownBy(() -> new LyncXmlAdapter(CLOCK).configure(config(false, false, false, "<not-xslt/>")))
                .isInstanceOf(ComplianceAdapterException.class).hasMessageContaining("CustomConfiguration");
    }

    @Test
    void timesAreWrittenThreeWays() {
        Instant at = Instant.parse("2008-06-04T20:15:40.9535482Z");
        assertThat(UtcTimes.since1970(at)).isEqualTo("1212610540953");
        assertThat(UtcTimes.string(at)).isEqualTo("2008-06-04T20:15:40.9535482Z");
        assertThat(UtcTimes.ticks(at)).isEqualTo("633482073409535482");
    }

    static String golden(String name) {
        try (InputStream in = LyncXmlAdapterTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }
}
