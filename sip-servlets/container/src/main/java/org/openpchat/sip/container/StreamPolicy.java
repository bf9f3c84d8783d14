package org.openpchat.sip.container;

import gov.nist.javax.sip.stack.MessageChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * What a container's TCP and TLS listeners apply: which connections they admit, how far a client
 * may fall behind in reading, and whom they tell about a client that fell further (which closes
 * its connection and ends its dialogs). JAIN-SIP creates the listeners by class name, so they find
 * the policy through the stack's name; a stack without one (a test's client stack) gets the
 * defaults, and a slow reader's connection is simply closed.
 */
record StreamPolicy(ConnectionAdmission admission, WriteLimits writeLimits, BiConsumer<MessageChannel, String> slowReader,
        List<NonBlockingWriter> writers) {

    StreamPolicy(ConnectionAdmission admission, WriteLimits writeLimits, BiConsumer<MessageChannel, String> slowReader) {
        this(admission, writeLimits, slowReader, new CopyOnWriteArrayList<>());
    }

    /** Messages waiting in the listeners' outboxes. */
    long queued() {
        return writers.stream().mapToLong(NonBlockingWriter::queued).sum();
    }

    private static final Map<String, StreamPolicy> BY_STACK = new ConcurrentHashMap<>();

    static void register(String stackName, StreamPolicy policy) {
        BY_STACK.put(stackName, policy);
    }

    static void unregister(String stackName) {
        BY_STACK.remove(stackName);
    }

    static StreamPolicy of(String stackName) {
        StreamPolicy policy = stackName == null ? null : BY_STACK.get(stackName);
        return policy != null ? policy
                : new StreamPolicy(new ConnectionAdmission(ConnectionLimits.DEFAULTS), WriteLimits.configured(),
                        (channel, why) -> channel.close());
    }
}
