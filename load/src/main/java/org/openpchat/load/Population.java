package org.openpchat.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.HdrHistogram.Recorder;
import org.openpchat.load.net.Reactor;
import org.openpchat.load.sip.SipRefusal;
import org.openpchat.load.sip.UserAgent;

/** The signed-in load users, their connections and the threads that serve them. */
final class Population implements AutoCloseable {

    /** How one user's sign-in went. */
    record Outcome(UserAgent user, Throwable failure) {
    }

    private static final long SIGN_IN_TIMEOUT_SECONDS = 60;

    private final Target target;
    private final List<Reactor> reactors = new ArrayList<>();
    private final List<UserAgent> signedIn = new ArrayList<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Recorder signInMicros = new Recorder(3);

    Population(Target target) {
        this.target = target;
        for (int i = 0; i < target.ioThreads; i++) {
            reactors.add(new Reactor("pchat-load-io-" + i));
        }
    }

    /**
     * Signs in the users, {@code concurrency} at a time, each followed by {@code then} (e.g. its
     * joins); waits for all. Users that fail are counted by reason and left out.
     */
    List<UserAgent> signIn(List<UserAgent> users, Function<UserAgent, CompletableFuture<?>> then)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(target.concurrency);
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            UserAgent user = users.get(i);
            inFlight.acquire();
            long start = System.nanoTime();
            int index = signedIn.size() + i;
            CompletableFuture<Outcome> outcome = user
                    .signIn(reactors.get(index % reactors.size()), target.localAddress(index), target.serverAddress())
                    .thenCompose(ok -> then.apply(user))
                    .orTimeout(SIGN_IN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .handle((ok, failure) -> {
                        inFlight.release();
                        if (failure == null) {
                            signInMicros.recordValue(Math.max(0, (System.nanoTime() - start) / 1000));
                        } else {
                            failures.merge(reason(failure), 1, Integer::sum);
                        }
                        return new Outcome(user, failure);
                    });
            outcomes.add(outcome);
        }
        List<UserAgent> ok = new ArrayList<>();
        for (CompletableFuture<Outcome> outcome : outcomes) {
            try {
                Outcome o = outcome.get(5, TimeUnit.MINUTES);
                if (o.failure() == null) {
                    ok.add(o.user());
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                failures.merge("no answer", 1, Integer::sum);
            }
        }
        signedIn.addAll(ok);
        return ok;
    }

    /** Sign-in (and what followed it) latencies since the last call, in microseconds. */
    org.HdrHistogram.Histogram signInLatencies() {
        return signInMicros.getIntervalHistogram();
    }

    /** Failures by reason, sorted. */
    Map<String, Integer> failures() {
        return new TreeMap<>(failures);
    }

    static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof SipRefusal refusal) {
            return refusal.getMessage();
        }
        String message = String.valueOf(cause.getMessage());
        return cause.getClass().getSimpleName() + ": " + (message.length() > 120 ? message.substring(0, 120) : message);
    }

    /** Signs every user out at once (BYE); the answers other than 200, by status (0: none). */
    Map<Integer, Integer> signOut() {
        List<CompletableFuture<Integer>> outs = signedIn.stream().map(UserAgent::signOut).toList();
        Map<Integer, Integer> refused = new TreeMap<>();
        for (CompletableFuture<Integer> out : outs) {
            int status;
            try {
                status = out.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                status = 0;
            }
            if (status != 200) {
                refused.merge(status, 1, Integer::sum);
            }
        }
        signedIn.clear();
        return refused;
    }

    @Override
    public void close() {
        signOut();
        reactors.forEach(Reactor::close);
    }
}
