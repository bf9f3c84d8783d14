package org.openpchat.sip.servlet;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import java.io.Serializable;

/**
 * The outbound side of the container, for code that runs outside a SIP delivery (a fan-out
 * service, a REST resource): define it with {@code @ConnectionFactoryDefinition} against the
 * resource adapter and inject it with {@code @Resource(lookup = ...)}.
 */
public interface SipConnectionFactory extends Serializable, Referenceable {

    SipConnection getConnection() throws ResourceException;
}
