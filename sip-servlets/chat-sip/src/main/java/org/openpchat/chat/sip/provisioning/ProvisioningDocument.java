package org.openpchat.chat.sip.provisioning;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The in-band provisioning document (MS-SIPREGE provisionGroupList) with the one group a chat
 * client needs: persistentChatConfiguration. Other groups are left out on purpose: their URIs
 * would send clients after conferencing and A/V services this server does not offer.
 */
public final class ProvisioningDocument {

    public static final String CONTENT_TYPE = "application/vnd-microsoft-roaming-provisioning-v2+xml";
    static final String NAMESPACE = "http://schemas.microsoft.com/2006/09/sip/provisiongrouplist-notification";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private ProvisioningDocument() {
    }

    /**
     * With chat enabled the pool URI and the room management page (the configuration's
     * RoomManagementUrl) are included; without, the client is told chat is off.
     */
    public static String persistentChat(boolean enabled, String poolUri, String roomManagementUrl) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartElement("provisionGroupList");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("provisionGroup");
            xml.writeAttribute("name", "persistentChatConfiguration");
            xml.writeStartElement("propertyEntryList");
            property(xml, "EnablePersistentChat", Boolean.toString(enabled));
            if (enabled) {
                property(xml, "DefaultPersistentChatPoolUri", poolUri);
                property(xml, "PersistentChatPoolUris", poolUri);
                if (roomManagementUrl != null) {
                    property(xml, "RoomManagementUrl", roomManagementUrl);
                }
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement("property");
        xml.writeAttribute("name", name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
