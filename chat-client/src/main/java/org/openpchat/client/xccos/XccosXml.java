package org.openpchat.client.xccos;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Builds the XCCOS documents the client sends and parses what the server sends, with a StAX reader
 * hardened against DTDs and external entities (a DOCTYPE is an error).
 */
public final class XccosXml {

    private static final XMLInputFactory INPUT = hardenedInput();
    private static final int MAX_DEPTH = 64;

    /** The scheme of room URIs. */
    public static final String CHAN_SCHEME = "ma-chan://";

    private XccosXml() {
    }

    /** The XML is not a well-formed, DTD-free {@code <xccos>} document. */
    public static final class XccosParseException extends XccosException {
        private static final long serialVersionUID = 1L;

        XccosParseException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    // ------------------------------------------------------------------------- building

    /** Escapes text for element content and attribute values (quotes included). */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code <xccos ver="1" envid=".." xmlns="urn:parlano:xml:ns:xccos">inner</xccos>}, no XML declaration. */
    public static String envelope(String envid, String inner) {
        return "<xccos ver=\"1\" envid=\"" + escape(envid) + "\" xmlns=\"" + Xccos.NS + "\">" + inner + "</xccos>";
    }

    /** {@code <cmd id="cmd:name" seqid=".."><data>dataXml</data></cmd>} in an envelope ({@code <data/>} if empty). */
    public static String command(String envid, String name, String seqid, String dataXml) {
        String data = dataXml == null || dataXml.isEmpty() ? "<data/>" : "<data>" + dataXml + "</data>";
        return envelope(envid, "<cmd id=\"cmd:" + escape(name) + "\" seqid=\"" + escape(seqid) + "\">" + data
                + "</cmd>");
    }

    /** A post: {@code <grpchat id="grpchat" seqid chanUri author ts><chat>text</chat></grpchat>}. */
    public static String grpchat(String envid, String seqid, String chanUri, String author, String ts,
            String text) {
        return envelope(envid, "<grpchat id=\"grpchat\" seqid=\"" + escape(seqid) + "\" chanUri=\""
                + escape(chanUri) + "\" author=\"" + escape(author) + "\" ts=\"" + escape(ts) + "\"><chat>"
                + escape(text) + "</chat></grpchat>");
    }

    /** {@code <chanid key domain value/>} for {@code ma-chan://domain/value}. */
    public static String chanid(int key, String chanUri) {
        return "<chanid key=\"" + key + "\" domain=\"" + escape(roomDomain(chanUri)) + "\" value=\""
                + escape(roomUid(chanUri)) + "\"/>";
    }

    /** {@code <chanib uri=".."/>}. */
    public static String chanib(String chanUri) {
        return "<chanib uri=\"" + escape(chanUri) + "\"/>";
    }

    /** The id part of {@code ma-chan://domain/id}. */
    public static String roomUid(String chanUri) {
        String[] parts = splitChanUri(chanUri);
        return parts[1];
    }

    /** The domain part of {@code ma-chan://domain/id}. */
    public static String roomDomain(String chanUri) {
        return splitChanUri(chanUri)[0];
    }

    /** Whether this is a room URI {@code ma-chan://domain/id}. */
    public static boolean isChanUri(String uri) {
        try {
            splitChanUri(uri);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String[] splitChanUri(String chanUri) {
        String prefix = CHAN_SCHEME;
        if (chanUri == null || !chanUri.startsWith(prefix)) {
            throw new IllegalArgumentException("not a ma-chan URI: " + chanUri);
        }
        String rest = chanUri.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException("not a ma-chan URI: " + chanUri);
        }
        return new String[] {rest.substring(0, slash), rest.substring(slash + 1)};
    }

    // ------------------------------------------------------------------------- parsing

    /** Parses an {@code <xccos>} document (namespace prefixes ignored, any namespace accepted). */
    public static Xccos.Envelope parse(String xml) {
        XmlElement root = parseElement(xml);
        if (!root.name().equals("xccos")) {
            throw new XccosParseException("root is <" + root.name() + ">, not <xccos>", null);
        }
        List<Xccos.Item> items = new ArrayList<>();
        for (XmlElement e : root.children()) {
            items.add(item(e));
        }
        return new Xccos.Envelope(root.attr("ver"), root.attr("envid"), items);
    }

    private static Xccos.Item item(XmlElement e) {
        XmlElement data = e.child("data").orElse(new XmlElement("data", Map.of(), List.of(), ""));
        switch (e.name()) {
            case "cmd":
                return new Xccos.Command(e.attr("id"), e.attr("seqid"), data);
            case "rpl": {
                XmlElement commandId = e.child("commandid").orElse(null);
                XmlElement resp = e.child("resp").orElse(null);
                int code = 500;
                String text = null;
                if (resp != null) {
                    text = resp.text().trim();
                    try {
                        code = Integer.parseInt(resp.attr("code").trim());
                    } catch (RuntimeException notANumber) {
                        code = 500;
                    }
                }
                return new Xccos.Reply(e.attr("id"), e.attr("seqid"),
                        commandId == null ? null : commandId.attr("seqid"),
                        commandId == null ? null : commandId.attr("envid"), code, text, data);
            }
            case "ntc":
                return new Xccos.Notice(e.attr("id"), data);
            case "grpchat":
                return new Xccos.GrpChat(e.attr("seqid"), e.attr("chanUri"), e.attr("author"), e.attr("ts"),
                        e.child("chat").map(XmlElement::text).orElse(null), e.attributes());
            default:
                return new Xccos.Unknown(e);
        }
    }

    /** Parses any XML document into its root {@link XmlElement}; DTDs and entities are refused. */
    public static XmlElement parseElement(String xml) {
        XMLStreamReader reader = null;
        try {
            reader = INPUT.createXMLStreamReader(new StringReader(xml));
            return readDocument(reader);
        } catch (XccosParseException e) {
            throw e;
        } catch (XMLStreamException | RuntimeException e) { // the JDK's reader throws some errors unchecked
            throw new XccosParseException("malformed XML: " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing left to release
                }
            }
        }
    }

    /*
     * StAX straight into XmlElements: a DOM first, then XmlElements from it, cost the load tool
     * two thirds of its CPU in a logon storm (a join's answer names everyone in the room).
     */
    private static XmlElement readDocument(XMLStreamReader reader) throws XMLStreamException {
        XmlElement root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            refuseDeclarations(event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                root = readElement(reader, 1); // a second root is the reader's error
            }
        }
        if (root == null) {
            throw new XccosParseException("malformed XML: no root element", null);
        }
        return root;
    }

    /** The element the reader is at, up to its end tag. */
    private static XmlElement readElement(XMLStreamReader reader, int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw new XccosParseException("malformed XML: elements nested deeper than " + MAX_DEPTH, null);
        }
        String name = reader.getLocalName();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        List<XmlElement> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int event = reader.next(); event != XMLStreamConstants.END_ELEMENT; event = reader.next()) {
            refuseDeclarations(event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                children.add(readElement(reader, depth + 1));
            } else if (reader.hasText() && event != XMLStreamConstants.COMMENT) {
                text.append(reader.getText());
            }
        }
        return new XmlElement(name, attributes, children, text.toString());
    }

    private static void refuseDeclarations(int event) {
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new XccosParseException("malformed XML: DTDs and entity references are refused", null);
        }
    }

    private static XMLInputFactory hardenedInput() {
        // the JDK's own parser, whatever implementation a server's class path offers
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    // ------------------------------------------------------------------------- provisioning

    /**
     * The properties of one {@code <provisionGroup name=..>} of a {@code provisionGroupList}
     * document (name to text); empty when the group is missing.
     */
    public static Map<String, String> provisionGroup(String xml, String group) {
        XmlElement root = parseElement(xml);
        Map<String, String> out = new LinkedHashMap<>();
        for (XmlElement g : root.children("provisionGroup")) {
            if (group.equals(g.attr("name"))) {
                for (XmlElement list : g.children("propertyEntryList")) {
                    for (XmlElement p : list.children("property")) {
                        out.put(p.attr("name"), p.text().trim());
                    }
                }
            }
        }
        return out;
    }

    /** Whether the document has a {@code <provisionGroup name=..>}. */
    public static boolean hasProvisionGroup(String xml, String group) {
        return parseElement(xml).children("provisionGroup").stream().anyMatch(g -> group.equals(g.attr("name")));
    }
}
