package org.openpchat.chat.infrastructure.compliance.adapter;

import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.Conversation;

/**
 * CreateFileAttachmentsManifest: a {@code .ATTACH} file next to an output file that lists the
 * file transfers (FILEUPLOAD, FILEDOWNLOAD) of its conversations, so an archiver can collect the
 * files themselves. Empty when there were none (then no file is written).
 */
final class AttachmentsManifest {

    private AttachmentsManifest() {
    }

    static List<ComplianceEvent> fileTransfers(List<Conversation> conversations) {
        return conversations.stream().flatMap(c -> c.events().stream())
                .filter(e -> e.type().name().startsWith("FILE")).toList();
    }

    static byte[] write(List<ComplianceEvent> transfers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("utf-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("FileAttachments");
            for (ComplianceEvent event : transfers) {
                xml.writeCharacters("\n  ");
                xml.writeEmptyElement("File");
                xml.writeAttribute("type", event.type().name());
                xml.writeAttribute("name", event.content() == null ? "" : event.content());
                xml.writeAttribute("channel", event.room().uri());
                xml.writeAttribute("uri", event.user().uri());
                xml.writeAttribute("string", UtcTimes.string(event.occurredAt()));
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the attachments manifest", e);
        }
        return out.toByteArray();
    }
}
