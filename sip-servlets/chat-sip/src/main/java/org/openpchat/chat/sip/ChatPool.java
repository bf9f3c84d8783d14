package org.openpchat.chat.sip;

import org.openpchat.chat.application.ChatServerSettings;

/**
 * The chat pool's SIP URI, {@code sip:pchat@<domain>}: what provisioning hands out and what the
 * Lookup step (cmd:requri) answers. A plain URI, since clients split it on '@'.
 */
public final class ChatPool {

    private ChatPool() {
    }

    public static String uri() {
        return new ChatServerSettings().poolUri();
    }
}
