package org.openpchat.chat.infrastructure.compliance.adapter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.openpchat.chat.application.compliance.adapter.AdapterConfig;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapter;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapterException;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.Conversation;

/**
 * A second built-in adapter, for archivers that ingest e-mail: one RFC 5322 message ({@code .eml})
 * per room and batch, from the room's first speaker to the room's address, with a plain-text
 * transcript (UTF-8, base64, so the file stays 7-bit). Non-ASCII header text is an RFC 2047
 * encoded word.
 */
public class EmlAdapter implements ComplianceAdapter {

    private static final DateTimeFormatter RFC_5322_DATE = DateTimeFormatter.RFC_1123_DATE_TIME
            .withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";

    private final Clock clock;
    private AdapterConfig config;
    private Path directory;

    public EmlAdapter() {
        this(Clock.systemUTC());
    }

    EmlAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void configure(AdapterConfig adapterConfig) {
        this.config = adapterConfig;
        this.directory = OutputFiles.prepare(adapterConfig.outputDirectory());
    }

    @Override
    public void translate(List<Conversation> conversations) {
        if (config == null) {
            throw new ComplianceAdapterException("the adapter is not configured");
        }
        Instant now = clock.instant();
        for (Conversation conversation : conversations) {
            String name = OutputFiles.baseName(config.adapterName(), now, conversation.room().uid()) + ".eml";
            OutputFiles.write(directory.resolve(name), message(conversation).getBytes(StandardCharsets.US_ASCII));
        }
    }

    static String message(Conversation conversation) {
        ComplianceEvent first = conversation.firstMessage();
        StringBuilder eml = new StringBuilder();
        header(eml, "From", mailbox(first.user().displayName(), first.user().email(), first.user().uri()));
        header(eml, "To", mailbox(conversation.room().name(), roomAddress(conversation), null));
        header(eml, "Subject", unstructured("Persistent Chat: " + conversation.room().name()));
        header(eml, "Date", RFC_5322_DATE.format(conversation.end()));
        header(eml, "Message-ID", "<" + UUID.randomUUID() + "@openpchat.compliance>");
        header(eml, "X-PChat-Channel", conversation.room().uri());
        header(eml, "X-PChat-Start", UtcTimes.string(conversation.start()));
        header(eml, "X-PChat-End", UtcTimes.string(conversation.end()));
        header(eml, "MIME-Version", "1.0");
        header(eml, "Content-Type", "text/plain; charset=UTF-8");
        header(eml, "Content-Transfer-Encoding", "base64");
        eml.append(CRLF);
        String body = Base64.getMimeEncoder(76, CRLF.getBytes(StandardCharsets.US_ASCII))
                .encodeToString(transcript(conversation).getBytes(StandardCharsets.UTF_8));
        eml.append(body).append(CRLF);
        return eml.toString();
    }

    static String transcript(Conversation conversation) {
        StringBuilder text = new StringBuilder();
        for (ComplianceEvent event : conversation.events()) {
            text.append('[').append(UtcTimes.string(event.occurredAt())).append("] ").append(event.type());
            if (event.messageId() > 0) {
                text.append(" #").append(event.messageId());
            }
            text.append(' ').append(event.user().uri());
            if (event.user().displayName() != null) {
                text.append(" (").append(event.user().displayName()).append(')');
            }
            if (event.content() != null) {
                text.append(": ").append(event.content());
            }
            text.append("\n");
        }
        return text.toString();
    }

    private static String roomAddress(Conversation conversation) {
        String uri = conversation.room().uri();
        String host = uri.startsWith("ma-chan://") ? uri.substring(10, Math.max(10, uri.indexOf('/', 10))) : "";
        return "room-" + conversation.room().uid() + "@" + (host.isEmpty() ? "openpchat.invalid" : host);
    }

    private static String mailbox(String displayName, String email, String fallback) {
        String address = email == null || email.isEmpty() ? fallback : email;
        return displayName == null ? "<" + address + ">" : phrase(displayName) + " <" + address + ">";
    }

    private static void header(StringBuilder eml, String name, String value) {
        eml.append(name).append(": ").append(value.replaceAll("[\\r\\n]+", " ")).append(CRLF);
    }

    /** A display name: atoms as they are, other ASCII quoted, anything else an RFC 2047 encoded word. */
    private static String phrase(String text) {
        if (!isPrintableAscii(text)) {
            return encodedWord(text);
        }
        return text.matches("[A-Za-z0-9 !#$%&'*+/=?^_`{|}~-]*") ? text
                : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String unstructured(String text) {
        return isPrintableAscii(text) ? text : encodedWord(text);
    }

    private static boolean isPrintableAscii(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static String encodedWord(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
