package org.openpchat.sip.container;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The branches of requests the container sends without a client transaction, because nobody
 * reads their answers ({@link MessageSender}), carry a mark of their own; an answer whose Via
 * carries it is dropped as it is framed, before JAIN-SIP parses it. A fan-out brings one such
 * answer per member and delivery, and parsing each only for JAIN-SIP to find no transaction
 * for it was the largest share of the container's own work after the sending.
 */
final class UnreadAnswers {

    /** RFC 3261's magic cookie, then the mark. */
    private static final String PREFIX = "z9hG4bK-unread-";
    private static final String IN_VIA = ";branch=" + PREFIX;

    private UnreadAnswers() {
    }

    /** A new branch for a request whose answer nobody reads. */
    static String newBranch() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return PREFIX + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    /** True if {@code head} (a message's start line and headers) is a response to such a request. */
    static boolean isAnswer(String head) {
        return head.startsWith("SIP/2.0 ") && head.contains(IN_VIA);
    }
}
