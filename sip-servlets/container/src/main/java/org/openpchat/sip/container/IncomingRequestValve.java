package org.openpchat.sip.container;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import javax.sip.SipStack;
import javax.sip.message.Response;

/**
 * JAIN-SIP's hook on every incoming request, before its transaction is looked up: the container's
 * say on whether the stack goes on with it (true) or drops it, the container having taken it. JAIN-SIP creates the valve by class name, so it finds
 * its container through the stack name, as {@link FlowRouter} does.
 */
public class IncomingRequestValve implements SIPMessageValve {

    private static final Map<String, BiPredicate<SIPRequest, MessageChannel>> BY_STACK = new ConcurrentHashMap<>();

    private volatile String stackName;

    static void register(String stackName, BiPredicate<SIPRequest, MessageChannel> valve) {
        BY_STACK.put(stackName, valve);
    }

    static void unregister(String stackName) {
        BY_STACK.remove(stackName);
    }

    @Override
    public void init(SipStack stack) {
        stackName = stack.getStackName();
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        BiPredicate<SIPRequest, MessageChannel> valve = stackName == null ? null : BY_STACK.get(stackName);
        return valve == null || valve.test(request, channel);
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void destroy() {
        // the container unregisters itself when it stops
    }
}
