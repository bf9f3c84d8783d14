package org.openpchat.client.sip;

import java.util.List;
import java.util.Map;

import javax.sip.message.Response;

/**
 * Immutable view of a SIP response: status, reason, headers (lower-case names, every value in
 * message order) and the body as a UTF-8 string ({@code ""} if none).
 */
public record ReceivedResponse(int status, String reason, Map<String, List<String>> headers, String body) {

    static ReceivedResponse of(Response r) {
        return new ReceivedResponse(r.getStatusCode(), r.getReasonPhrase(), Messages.headers(r), Messages.body(r));
    }

    /** First value of a header (name case-insensitive), or null. */
    public String header(String name) {
        return Messages.first(headers, name);
    }

    /** All values of a header (name case-insensitive), possibly empty. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    public boolean isFinal() {
        return status >= 200;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return status + " " + reason;
    }
}
