package org.openpchat.sip.container;

import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * A deployed SIP servlet: its name, its rule, the factory of its message-driven bean instances,
 * and whether it is given the responses to what it sends ({@link ResponseInterest}).
 */
record ServletEndpoint(String name, ServletRule rule, MessageEndpointFactory factory, boolean hearsResponses) {

    ServletEndpoint(String name, ServletRule rule, MessageEndpointFactory factory) {
        this(name, rule, factory, ResponseInterest.of(factory == null ? null : factory.getEndpointClass()));
    }
}
