package org.openpchat.chat.sip.facade;

/** What cmd:getserverinfo announces: limits and the root category. */
public record ServerInfo(int searchLimit, int messageSizeLimit, int storySizeLimit, String rootUri,
        String dbVersion, int defaultChatHistory, int participantUpdateLimit) {
}
