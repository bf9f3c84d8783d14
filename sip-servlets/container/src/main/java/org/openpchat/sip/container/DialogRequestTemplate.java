package org.openpchat.sip.container;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * A dialog's request of one method and content type as JAIN-SIP encodes it, cut where requests
 * of the dialog differ: the Via branch, the CSeq number and the body with its Content-Length.
 * A post fanned out to 150 members is 150 INFOs that differ from the dialog's previous INFO in
 * nothing else, and building and encoding each through JAIN-SIP's header objects was a fifth of
 * the server's work; a request from a template is those bytes with the three filled in.
 */
final class DialogRequestTemplate {

    /** The CSeq the prototype is built with: found in its encoding, where the real one goes. */
    static final long PROTOTYPE_CSEQ = 1_000_000_007L;
    private static final byte[] CRLF_CRLF = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final byte[] head;
    private final int branchAt;
    private final int branchEnd;
    private final int cseqAt;
    private final int cseqEnd;
    private final int lengthAt;

    private DialogRequestTemplate(byte[] head, int branchAt, int branchEnd, int cseqAt, int cseqEnd, int lengthAt) {
        this.head = head;
        this.branchAt = branchAt;
        this.branchEnd = branchEnd;
        this.cseqAt = cseqAt;
        this.cseqEnd = cseqEnd;
        this.lengthAt = lengthAt;
    }

    /**
     * The template of {@code prototype}: a request of the dialog built with CSeq
     * {@link #PROTOTYPE_CSEQ}, one Via and a Content-Type, without content, encoded for
     * {@code transport}. Null if its encoding is not laid out as expected (one Via line holding
     * the branch, one CSeq line, Content-Length last): those requests go through JAIN-SIP.
     */
    static DialogRequestTemplate of(Request prototype, String transport) {
        SIPRequest request = (SIPRequest) prototype;
        if (request.getHeader(ContentTypeHeader.NAME) == null || request.getRawContent() != null) {
            return null;
        }
        String encoded = new String(request.encodeAsBytes(transport), StandardCharsets.UTF_8);
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String viaLine = ((SIPHeader) via).encode();
        String cseqLine = ((SIPHeader) request.getHeader(CSeqHeader.NAME)).encode();
        String number = Long.toString(PROTOTYPE_CSEQ);
        String lengthLine = "\r\nContent-Length: 0\r\n\r\n";
        int viaAt = encoded.indexOf("\r\n" + viaLine);
        int cseqLineAt = encoded.indexOf("\r\n" + cseqLine);
        int branchInLine = via.getBranch() == null ? -1 : viaLine.indexOf(via.getBranch());
        if (viaAt < 0 || cseqLineAt < 0 || branchInLine < 0 || !cseqLine.contains(number)
                || !encoded.endsWith(lengthLine)) {
            return null;
        }
        String branchBefore = encoded.substring(0, viaAt + 2 + branchInLine);
        String cseqBefore = encoded.substring(0, cseqLineAt + 2 + cseqLine.indexOf(number));
        int branchAt = bytes(branchBefore);
        int cseqAt = bytes(cseqBefore);
        byte[] head = encoded.substring(0, encoded.length() - "0\r\n\r\n".length()).getBytes(StandardCharsets.UTF_8);
        return new DialogRequestTemplate(head, branchAt, branchAt + bytes(via.getBranch()), cseqAt,
                cseqAt + number.length(), head.length);
    }

    /** The request with {@code branch}, {@code cseq} and {@code content}, ready for the wire. */
    byte[] encode(String branch, long cseq, byte[] content) {
        byte[] branchBytes = branch.getBytes(StandardCharsets.US_ASCII);
        byte[] cseqBytes = Long.toString(cseq).getBytes(StandardCharsets.US_ASCII);
        byte[] lengthBytes = Integer.toString(content.length).getBytes(StandardCharsets.US_ASCII);
        int size = head.length - (branchEnd - branchAt) - (cseqEnd - cseqAt) + branchBytes.length + cseqBytes.length
                + lengthBytes.length + CRLF_CRLF.length + content.length;
        byte[] out = new byte[size];
        int at = 0;
        boolean branchFirst = branchAt < cseqAt;
        int firstAt = branchFirst ? branchAt : cseqAt;
        int firstEnd = branchFirst ? branchEnd : cseqEnd;
        int secondAt = branchFirst ? cseqAt : branchAt;
        int secondEnd = branchFirst ? cseqEnd : branchEnd;
        at = copy(head, 0, firstAt, out, at);
        at = copy(branchFirst ? branchBytes : cseqBytes, out, at);
        at = copy(head, firstEnd, secondAt, out, at);
        at = copy(branchFirst ? cseqBytes : branchBytes, out, at);
        at = copy(head, secondEnd, lengthAt, out, at);
        at = copy(lengthBytes, out, at);
        at = copy(CRLF_CRLF, out, at);
        copy(content, out, at);
        return out;
    }

    @Override
    public String toString() {
        return new String(Arrays.copyOf(head, lengthAt), StandardCharsets.UTF_8);
    }

    private static int copy(byte[] from, int start, int end, byte[] to, int at) {
        System.arraycopy(from, start, to, at, end - start);
        return at + end - start;
    }

    private static int copy(byte[] from, byte[] to, int at) {
        System.arraycopy(from, 0, to, at, from.length);
        return at + from.length;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
