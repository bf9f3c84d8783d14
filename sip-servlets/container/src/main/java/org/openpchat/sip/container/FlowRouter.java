package org.openpchat.sip.container;

import gov.nist.javax.sip.stack.DefaultRouter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.message.Request;

/**
 * JAIN-SIP router that sends in-dialog requests back along the flow the dialog came in on (the
 * client's own TCP connection), and routes everything else the default way. JAIN-SIP creates it
 * by class name, so it finds its container through the stack name.
 */
public class FlowRouter extends DefaultRouter {

    private static final Map<String, Function<Request, Hop>> FLOWS_BY_STACK = new ConcurrentHashMap<>();

    private final String stackName;

    public FlowRouter(SipStack stack, String outboundProxy) {
        super(stack, outboundProxy);
        this.stackName = stack.getStackName();
    }

    static void register(String stackName, Function<Request, Hop> flows) {
        FLOWS_BY_STACK.put(stackName, flows);
    }

    static void unregister(String stackName) {
        FLOWS_BY_STACK.remove(stackName);
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        Function<Request, Hop> flows = FLOWS_BY_STACK.get(stackName);
        Hop hop = flows == null ? null : flows.apply(request);
        return hop != null ? hop : super.getNextHop(request);
    }
}
