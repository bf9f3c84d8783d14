package org.openpchat.chat.infrastructure.compliance.adapter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.Conversation;

/**
 * Writes conversations in the format of Lync's XmlAdapter (Conversations / Conversation / Channel,
 * FirstMessage, Messages / Message with Sender and DateTimeUTC, StartTimeUTC, EndTimeUTC); the
 * schema is {@code compliance/PersistentChatCompliance.xsd}. AddChatRoomDetails adds the room's
 * category and description to Channel, AddUserDetails the user's e-mail address to Sender.
 */
final class LyncXmlWriter {

    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XSD = "http://www.w3.org/2001/XMLSchema";

    private final boolean roomDetails;
    private final boolean userDetails;

    LyncXmlWriter(boolean roomDetails, boolean userDetails) {
        this.roomDetails = roomDetails;
        this.userDetails = userDetails;
    }

    byte[] write(List<Conversation> conversations) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("utf-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("Conversations");
            xml.writeNamespace("xsi", XSI);
            xml.writeNamespace("xsd", XSD);
            for (Conversation conversation : conversations) {
                conversation(xml, conversation);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write compliance XML", e);
        }
        return out.toByteArray();
    }

    private void conversation(XMLStreamWriter xml, Conversation conversation) throws XMLStreamException {
        indent(xml, 1);
        xml.writeStartElement("Conversation");
        indent(xml, 2);
        xml.writeEmptyElement("Channel");
        xml.writeAttribute("uri", conversation.room().uri());
        xml.writeAttribute("name", conversation.room().name());
        if (roomDetails) {
            optional(xml, "category", conversation.room().category());
            optional(xml, "description", conversation.room().description());
        }
        message(xml, "FirstMessage", conversation.firstMessage(), 2);
        indent(xml, 2);
        xml.writeStartElement("Messages");
        for (ComplianceEvent event : conversation.events()) {
            message(xml, "Message", event, 3);
        }
        indent(xml, 2);
        xml.writeEndElement();
        time(xml, "StartTimeUTC", conversation.start(), 2);
        time(xml, "EndTimeUTC", conversation.end(), 2);
        indent(xml, 1);
        xml.writeEndElement();
    }

    private void message(XMLStreamWriter xml, String element, ComplianceEvent event, int depth)
            throws XMLStreamException {
        indent(xml, depth);
        xml.writeStartElement(element);
        xml.writeAttribute("type", event.type().name());
        if (event.content() != null) {
            xml.writeAttribute("content", event.content());
        }
        xml.writeAttribute("id", Long.toString(event.messageId()));
        indent(xml, depth + 1);
        xml.writeEmptyElement("Sender");
        optional(xml, "UserName", event.user().displayName());
        xml.writeAttribute("id", Long.toString(event.user().id()));
        if (userDetails) {
            xml.writeAttribute("email", event.user().email());
        }
        xml.writeAttribute("internal", Boolean.toString(event.user().internal()));
        xml.writeAttribute("uri", event.user().uri());
        time(xml, "DateTimeUTC", event.occurredAt(), depth + 1);
        indent(xml, depth);
        xml.writeEndElement();
    }

    private static void time(XMLStreamWriter xml, String element, Instant at, int depth) throws XMLStreamException {
        indent(xml, depth);
        xml.writeEmptyElement(element);
        xml.writeAttribute("since1970", UtcTimes.since1970(at));
        xml.writeAttribute("string", UtcTimes.string(at));
        xml.writeAttribute("long", UtcTimes.ticks(at));
    }

    private static void optional(XMLStreamWriter xml, String attribute, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeAttribute(attribute, value);
        }
    }

    private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
