package org.openpchat.chat.sip.xccos;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads XCCOS envelopes with StAX, hardened: no DTDs, no entities beyond XML's own, bounded
 * size, depth and element count. Namespace prefixes are dropped, as clients and servers ignore
 * them.
 */
public final class XccosParser {

    public static final String NAMESPACE = "urn:parlano:xml:ns:xccos";
    public static final int MAX_CHARACTERS = 64 * 1024;
    static final int MAX_DEPTH = 16;
    static final int MAX_ELEMENTS = 4096;

    private static final XMLInputFactory FACTORY = hardenedFactory();

    public XccosEnvelope parse(String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedXccosException("empty body");
        }
        if (body.length() > MAX_CHARACTERS) {
            throw new MalformedXccosException("body above " + MAX_CHARACTERS + " characters");
        }
        XMLStreamReader reader = null;
        try {
            reader = open(body);
            XmlNode root = readDocument(reader);
            if (!"xccos".equals(root.name())) {
                throw new MalformedXccosException("the root element is <" + root.name() + ">, not <xccos>");
            }
            List<XccosElement> elements = new ArrayList<>();
            for (XmlNode child : root.children()) {
                elements.add(new XccosElement(child.name(), child.attribute("id"), child.attribute("seqid"), child));
            }
            return new XccosEnvelope(root.attribute("envid"), elements);
        } catch (XMLStreamException e) {
            throw new MalformedXccosException("not well-formed XML: " + e.getMessage(), e);
        } finally {
            close(reader);
        }
    }

    private static XmlNode readDocument(XMLStreamReader reader) throws XMLStreamException {
        Deque<Builder> open = new ArrayDeque<>();
        int elements = 0;
        XmlNode root = null;
        while (reader.hasNext()) {
            int event = next(reader);
            switch (event) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new MalformedXccosException("DTDs and entity references are not accepted");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++elements > MAX_ELEMENTS) {
                        throw new MalformedXccosException("more than " + MAX_ELEMENTS + " elements");
                    }
                    if (open.size() >= MAX_DEPTH) {
                        throw new MalformedXccosException("elements nested deeper than " + MAX_DEPTH);
                    }
                    open.push(new Builder(reader));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlNode done = open.pop().build();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                }
                default -> {
                    // comments and processing instructions carry nothing
                }
            }
        }
        if (root == null) {
            throw new MalformedXccosException("no root element");
        }
        return root;
    }

    /*
     * The JDK's reader reports some malformed input with an unchecked exception rather than an
     * XMLStreamException: a control character inside a DOCTYPE that it skips (DTDs are off) fails
     * on a missing error message, MissingResourceException "InvalidCharInDTD" (found by
     * XccosParserFuzzTest). Whatever the reader throws, the body is not XML it can read.
     */
    private static XMLStreamReader open(String body) throws XMLStreamException {
        try {
            return FACTORY.createXMLStreamReader(new StringReader(body));
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    private static int next(XMLStreamReader reader) throws XMLStreamException {
        try {
            return reader.next();
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    private static MalformedXccosException unreadable(RuntimeException e) {
        return new MalformedXccosException("not well-formed XML: " + e.getMessage(), e);
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing left to release
            }
        }
    }

    private static final class Builder {
        final String name;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();

        Builder(XMLStreamReader reader) {
            name = reader.getLocalName();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
        }

        XmlNode build() {
            return new XmlNode(name, attributes, text.toString(), children);
        }
    }
}
