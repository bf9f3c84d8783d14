package org.openpchat.chat.sip.xccos;

import java.util.List;
import java.util.Map;

/**
 * One element of a parsed XCCOS document: local name, attributes, text and children. Element
 * names compare exactly, attribute names ignoring case (as SIPE and the Lync clients do).
 */
public record XmlNode(String name, Map<String, String> attributes, String text, List<XmlNode> children) {

    public XmlNode {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    public String attribute(String attributeName) {
        String exact = attributes.get(attributeName);
        if (exact != null) {
            return exact;
        }
        return attributes.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(attributeName))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The attribute's value; a missing or empty one is the client's error. */
    public String requiredAttribute(String attributeName) {
        String value = attribute(attributeName);
        if (value == null || value.isBlank()) {
            throw new XccosException(XccosStatus.BAD_REQUEST, "<" + name + "> needs the attribute " + attributeName);
        }
        return value;
    }

    public XmlNode child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
    }

    public XmlNode requiredChild(String childName) {
        XmlNode child = child(childName);
        if (child == null) {
            throw new XccosException(XccosStatus.BAD_REQUEST, "<" + name + "> needs a <" + childName + "> element");
        }
        return child;
    }

    public List<XmlNode> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }
}
