package org.openpchat.sip.container;

import java.util.List;

/** Where and how the container listens; from the resource adapter's configuration. */
record SipSettings(String host, int port, List<String> transports, int maxMessageSize, int stackThreads,
        String keyStorePassword) {
}
