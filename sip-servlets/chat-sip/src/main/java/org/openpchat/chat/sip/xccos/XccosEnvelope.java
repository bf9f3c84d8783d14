package org.openpchat.chat.sip.xccos;

import java.util.List;

/** A parsed {@code <xccos>} document: the sender's envelope id and its elements in order. */
public record XccosEnvelope(String envid, List<XccosElement> elements) {

    public XccosEnvelope {
        elements = List.copyOf(elements);
    }
}
