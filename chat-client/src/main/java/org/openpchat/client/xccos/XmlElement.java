package org.openpchat.client.xccos;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable XML element as the XCCOS parser reads it: local name (namespace prefix dropped),
 * attributes by local name (namespace declarations left out), child elements in order and the
 * concatenated text of its direct text and CDATA children.
 */
public record XmlElement(String name, Map<String, String> attributes, List<XmlElement> children, String text) {

    public XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
        text = text == null ? "" : text;
    }

    /** An attribute by name (exact first, then case-insensitively, as SIPE reads them), or null. */
    public String attr(String attribute) {
        String v = attributes.get(attribute);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(attribute.toLowerCase(Locale.ROOT))) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Child elements of that name (element names are case-sensitive). */
    public List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The first child element of that name. */
    public Optional<XmlElement> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("<").append(name);
        attributes.forEach((k, v) -> b.append(' ').append(k).append("=\"").append(v).append('"'));
        if (children.isEmpty() && text.isEmpty()) {
            return b.append("/>").toString();
        }
        b.append('>').append(text);
        children.forEach(b::append);
        return b.append("</").append(name).append('>').toString();
    }
}
