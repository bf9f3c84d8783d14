package org.openpchat.client.sip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sip.message.Response;

/**
 * Client requests waiting for their final response, keyed by Call-ID + CSeq number + CSeq method
 * (not by Via branch), so branch-less requests are matched the same way as requests sent through a
 * JAIN-SIP client transaction. Thread-safe.
 */
final class PendingRequests {

    /** Responses collected for one request; {@code finalResponse} completes with the first final one. */
    static final class Pending {
        final List<ReceivedResponse> all = Collections.synchronizedList(new ArrayList<>());
        final CompletableFuture<Response> finalResponse = new CompletableFuture<>();
    }

    /** The outcome of one request: raw final response and every response in arrival order. */
    record Exchange(Response finalRaw, ReceivedResponse finalResponse, List<ReceivedResponse> all) {
    }

    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();

    Pending register(String key) {
        Pending p = new Pending();
        if (pending.putIfAbsent(key, p) != null) {
            throw new IllegalStateException("a request is already pending for " + key);
        }
        return p;
    }

    /** @return false when no request waits for this response (stray or late retransmission) */
    boolean onResponse(Response r) {
        Pending p = pending.get(Messages.key(r));
        if (p == null) {
            return false;
        }
        ReceivedResponse view = ReceivedResponse.of(r);
        p.all.add(view);
        if (view.isFinal()) {
            p.finalResponse.complete(r);
        }
        return true;
    }

    void fail(String key, SipClientException failure) {
        Pending p = pending.get(key);
        if (p != null) {
            p.finalResponse.completeExceptionally(failure);
        }
    }

    /** The final response, or {@link SipTimeoutException} / {@link SipClientException}. */
    Exchange await(String key, Pending p, Duration timeout, String what) {
        try {
            Response r = p.finalResponse.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            synchronized (p.all) {
                return new Exchange(r, ReceivedResponse.of(r), List.copyOf(p.all));
            }
        } catch (TimeoutException e) {
            throw new SipTimeoutException("no final response to " + what + " within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SipClientException failure) {
                throw failure;
            }
            throw new SipClientException(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SipClientException("interrupted waiting for the response to " + what, e);
        } finally {
            pending.remove(key, p);
        }
    }

    void failAll(SipClientException failure) {
        pending.values().forEach(p -> p.finalResponse.completeExceptionally(failure));
    }
}
