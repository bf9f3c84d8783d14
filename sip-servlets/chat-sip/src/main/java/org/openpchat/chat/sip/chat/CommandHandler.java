package org.openpchat.chat.sip.chat;

import org.openpchat.chat.sip.xccos.XccosElement;

/** Carries out one XCCOS command; refusals are thrown as {@code XccosException}. */
public interface CommandHandler {

    void handle(CommandContext context, XccosElement command);
}
