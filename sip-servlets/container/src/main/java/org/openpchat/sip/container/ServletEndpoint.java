package org.openpchat.sip.container;

import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/** A deployed SIP servlet: its name, its rule, and the factory of its message-driven bean instances. */
record ServletEndpoint(String name, ServletRule rule, MessageEndpointFactory factory) {
}
