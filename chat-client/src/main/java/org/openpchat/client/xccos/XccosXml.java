package org.openpchat.client.xccos;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Builds the XCCOS documents the client sends and parses what the server sends, with a DOM parser
 * hardened against DTDs, external entities and XInclude (a DOCTYPE is an error).
 */
public final class XccosXml {

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
        try {
            DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            Document doc = builder.parse(new InputSource(new StringReader(xml)));
            return element(doc.getDocumentElement());
        } catch (SAXException | IOException e) {
            throw new XccosParseException("malformed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
        // the JDK's own parser, whatever implementation a server's class path offers
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setValidating(false);
        return f;
    }

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // not fatal
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static XmlElement element(Element e) {
        Map<String, String> attributes = new LinkedHashMap<>();
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                continue; // xmlns, xmlns:x
            }
            attributes.put(a.getLocalName() != null ? a.getLocalName() : a.getName(), a.getValue());
        }
        List<XmlElement> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.ELEMENT_NODE -> children.add(element((Element) n));
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(n.getNodeValue());
                default -> {
                    // comments, processing instructions: ignored
                }
            }
        }
        String name = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
        return new XmlElement(name, attributes, children, text.toString());
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
