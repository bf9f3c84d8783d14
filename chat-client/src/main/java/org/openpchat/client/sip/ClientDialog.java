package org.openpchat.client.sip;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sip.message.Request;

/**
 * A dialog in the UAC role, kept by the client itself (JAIN-SIP dialog support is off):
 * Call-ID, tags, remote target (the 2xx Contact), route set (Record-Route reversed) and the local
 * CSeq. Requests on one dialog should be sent one at a time; different dialogs may be used from
 * different threads.
 */
public final class ClientDialog {

    private final SipClient client;
    private final String callId;
    private final String localUri;
    private final String localTag;
    private final String remoteUri;
    private final String remoteTag;
    private final String remoteTarget;
    private final List<String> routeSet;
    private final AtomicLong localCseq;
    private final ReceivedResponse inviteResponse;

    ClientDialog(SipClient client, String callId, String localUri, String localTag, String remoteUri,
            String remoteTag, String remoteTarget, List<String> routeSet, long localCseq,
            ReceivedResponse inviteResponse) {
        this.client = client;
        this.callId = callId;
        this.localUri = localUri;
        this.localTag = localTag;
        this.remoteUri = remoteUri;
        this.remoteTag = remoteTag;
        this.remoteTarget = remoteTarget;
        this.routeSet = List.copyOf(routeSet);
        this.localCseq = new AtomicLong(localCseq);
        this.inviteResponse = inviteResponse;
    }

    /**
     * Sends an in-dialog request (new CSeq, Via with branch) and returns its final response.
     *
     * @throws SipTimeoutException if no final response arrives within the client's timeout
     * @throws SipClientException if the request cannot be sent
     */
    public ReceivedResponse request(String method, String contentType, String body) {
        return request(method, Map.of(), contentType, body);
    }

    public ReceivedResponse request(String method, Map<String, String> extraHeaders, String contentType,
            String body) {
        Request r = build(method, localCseq.incrementAndGet(), true);
        client.decorate(r, extraHeaders, contentType, body);
        return client.exchange(r, true).finalResponse();
    }

    /**
     * Sends an in-dialog request whose Via has no branch (RFC 2543 style, as SIPE does), outside
     * any JAIN-SIP transaction; the response is matched by Call-ID and CSeq.
     */
    public ReceivedResponse requestWithoutBranch(String method, String contentType, String body) {
        Request r = build(method, localCseq.incrementAndGet(), false);
        client.decorate(r, Map.of(), contentType, body);
        return client.exchange(r, false).finalResponse();
    }

    /** BYE; the dialog is over whatever the answer. */
    public ReceivedResponse bye() {
        try {
            return request(Request.BYE, null, null);
        } finally {
            client.forget(callId, 1);
        }
    }

    Request build(String method, long cseq, boolean withBranch) {
        // loose routing only: Request-URI = remote target, route set as Route headers
        return client.newRequest(method, remoteTarget, callId, cseq, localUri, localTag, remoteUri, remoteTag,
                routeSet, withBranch);
    }

    public String callId() {
        return callId;
    }

    public String localUri() {
        return localUri;
    }

    public String localTag() {
        return localTag;
    }

    public String remoteUri() {
        return remoteUri;
    }

    public String remoteTag() {
        return remoteTag;
    }

    public String remoteTarget() {
        return remoteTarget;
    }

    public List<String> routeSet() {
        return routeSet;
    }

    /** CSeq number of the last request sent on this dialog. */
    public long localCseq() {
        return localCseq.get();
    }

    /** The 2xx that established the dialog; null for a dialog made by {@link SipClient#dialogOf}. */
    public ReceivedResponse inviteResponse() {
        return inviteResponse;
    }

    public SipClient client() {
        return client;
    }

    @Override
    public String toString() {
        return "ClientDialog[" + callId + ", " + localTag + "/" + remoteTag + " -> " + remoteTarget + "]";
    }
}
