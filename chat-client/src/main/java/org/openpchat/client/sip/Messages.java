package org.openpchat.client.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.Header;
import javax.sip.message.Message;

/** Small helpers to read JAIN-SIP messages into plain Java values. */
final class Messages {

    private Messages() {
    }

    /** Header values by lower-case name, in message order; comma lists are not split. */
    static Map<String, List<String>> headers(Message m) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (var names = m.getHeaderNames(); names.hasNext();) {
            String name = (String) names.next();
            List<String> values = new ArrayList<>();
            for (var it = m.getHeaders(name); it.hasNext();) {
                Header h = (Header) it.next();
                String s = h.toString().trim();
                int colon = s.indexOf(':');
                values.add(colon < 0 ? s : s.substring(colon + 1).trim());
            }
            out.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    static String body(Message m) {
        byte[] raw = m.getRawContent();
        return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
    }

    static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Correlation key of a request/response pair: Call-ID, CSeq number and CSeq method. */
    static String key(Message m) {
        CSeqHeader cseq = (CSeqHeader) m.getHeader(CSeqHeader.NAME);
        CallIdHeader callId = (CallIdHeader) m.getHeader(CallIdHeader.NAME);
        return key(callId.getCallId(), cseq.getSeqNumber(), cseq.getMethod());
    }

    static String key(String callId, long seq, String method) {
        return callId + '|' + seq + '|' + method;
    }

    static String tag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    static String branch() {
        return "z9hG4bK" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
                + Long.toHexString(System.nanoTime());
    }
}
