package org.openpchat.chat.sip.facade;

import java.time.Instant;

/** A chat message as clients receive it; the author is a user address without "sip:". */
public record MessageView(String roomUri, String author, Instant postedAt, long messageId, String text) {
}
