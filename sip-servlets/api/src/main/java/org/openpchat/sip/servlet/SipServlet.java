package org.openpchat.sip.servlet;

/**
 * Base class of SIP servlets, after JSR 289's {@code javax.servlet.sip.SipServlet}: requests go
 * to {@code doXxx} by method, responses to {@code doXxxResponse} by status class. A request
 * nobody answers gets 405 (ACK and CANCEL need no answer). Declare the servlet as
 * {@code @MessageDriven(messageListenerInterface = SipServletEndpoint.class)} with selection
 * rules as activation properties (see the module README).
 */
public abstract class SipServlet implements SipServletEndpoint {

    @Override
    public void service(SipServletRequest request, SipServletResponse response) {
        if (request != null) {
            doRequest(request);
        } else {
            doResponse(response);
        }
    }

    @Override
    public void timeout(ServletTimer timer) {
        // no timers unless a servlet overrides this
    }

    protected void doRequest(SipServletRequest request) {
        switch (request.getMethod()) {
            case "INVITE" -> doInvite(request);
            case "ACK" -> doAck(request);
            case "BYE" -> doBye(request);
            case "CANCEL" -> doCancel(request);
            case "INFO" -> doInfo(request);
            case "OPTIONS" -> doOptions(request);
            case "REGISTER" -> doRegister(request);
            case "SUBSCRIBE" -> doSubscribe(request);
            case "NOTIFY" -> doNotify(request);
            case "MESSAGE" -> doMessage(request);
            case "UPDATE" -> doUpdate(request);
            case "PRACK" -> doPrack(request);
            case "REFER" -> doRefer(request);
            case "PUBLISH" -> doPublish(request);
            default -> notHandled(request);
        }
    }

    protected void doInvite(SipServletRequest request) {
        notHandled(request);
    }

    protected void doAck(SipServletRequest request) {
    }

    protected void doBye(SipServletRequest request) {
        notHandled(request);
    }

    protected void doCancel(SipServletRequest request) {
    }

    protected void doInfo(SipServletRequest request) {
        notHandled(request);
    }

    protected void doOptions(SipServletRequest request) {
        notHandled(request);
    }

    protected void doRegister(SipServletRequest request) {
        notHandled(request);
    }

    protected void doSubscribe(SipServletRequest request) {
        notHandled(request);
    }

    protected void doNotify(SipServletRequest request) {
        notHandled(request);
    }

    protected void doMessage(SipServletRequest request) {
        notHandled(request);
    }

    protected void doUpdate(SipServletRequest request) {
        notHandled(request);
    }

    protected void doPrack(SipServletRequest request) {
        notHandled(request);
    }

    protected void doRefer(SipServletRequest request) {
        notHandled(request);
    }

    protected void doPublish(SipServletRequest request) {
        notHandled(request);
    }

    protected void doResponse(SipServletResponse response) {
        int status = response.getStatus();
        if (status < 200) {
            doProvisionalResponse(response);
        } else if (status < 300) {
            doSuccessResponse(response);
        } else if (status < 400) {
            doRedirectResponse(response);
        } else {
            doErrorResponse(response);
        }
    }

    protected void doProvisionalResponse(SipServletResponse response) {
    }

    protected void doSuccessResponse(SipServletResponse response) {
    }

    protected void doRedirectResponse(SipServletResponse response) {
    }

    protected void doErrorResponse(SipServletResponse response) {
    }

    private static void notHandled(SipServletRequest request) {
        if (!request.isCommitted()) {
            request.createResponse(405).send();
        }
    }
}
