package org.openpchat.chat.infrastructure.compliance.adapter;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerException;
import org.openpchat.chat.application.compliance.adapter.AdapterConfig;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapter;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapterException;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.Conversation;

/**
 * The built-in adapter: Lync's XmlAdapter format, one file per batch or per room
 * (OneChatRoomPerOutputFile). With a CustomConfiguration stylesheet the file holds the
 * stylesheet's output instead of the XML; with CreateFileAttachmentsManifest a {@code .ATTACH}
 * file goes next to it.
 */
public class LyncXmlAdapter implements ComplianceAdapter {

    public static final String SCHEMA = "/compliance/PersistentChatCompliance.xsd";

    private final Clock clock;
    private AdapterConfig config;
    private Path directory;
    private LyncXmlWriter writer;
    private Templates stylesheet;

    public LyncXmlAdapter() {
        this(Clock.systemUTC());
    }

    LyncXmlAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void configure(AdapterConfig adapterConfig) {
        this.config = adapterConfig;
        this.directory = OutputFiles.prepare(adapterConfig.outputDirectory());
        this.writer = new LyncXmlWriter(adapterConfig.addChatRoomDetails(), adapterConfig.addUserDetails());
        try {
            this.stylesheet = adapterConfig.customConfiguration() == null ? null
                    : SecureXml.compileStylesheet(adapterConfig.customConfiguration());
        } catch (TransformerException e) {
            throw new ComplianceAdapterException("CustomConfiguration is not a usable XSLT stylesheet: " + e, e);
        }
    }

    @Override
    public void translate(List<Conversation> conversations) {
        if (config == null) {
            throw new ComplianceAdapterException("the adapter is not configured");
        }
        Instant now = clock.instant();
        if (config.oneChatRoomPerOutputFile()) {
            for (Conversation conversation : conversations) {
                writeFile(OutputFiles.baseName(config.adapterName(), now, conversation.room().uid()),
                        List.of(conversation));
            }
        } else if (!conversations.isEmpty()) {
            writeFile(OutputFiles.baseName(config.adapterName(), now, null), conversations);
        }
    }

    private void writeFile(String baseName, List<Conversation> conversations) {
        byte[] xml = writer.write(conversations);
        if (stylesheet != null) {
            try {
                xml = SecureXml.transform(stylesheet, xml);
            } catch (TransformerException e) {
                throw new ComplianceAdapterException("the CustomConfiguration stylesheet failed: " + e, e);
            }
        }
        OutputFiles.write(directory.resolve(baseName + ".xml"), xml);
        if (config.createFileAttachmentsManifest()) {
            List<ComplianceEvent> transfers = AttachmentsManifest.fileTransfers(conversations);
            if (!transfers.isEmpty()) {
                OutputFiles.write(directory.resolve(baseName + ".ATTACH"), AttachmentsManifest.write(transfers));
            }
        }
    }
}
