package org.openpchat.chat.sip.chat;

/** An XCCOS document for one chat dialog, sent as an in-dialog INFO once the request is answered. */
public record Outgoing(String sessionId, String xccos) {
}
