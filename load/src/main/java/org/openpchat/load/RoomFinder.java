package org.openpchat.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openpchat.load.sip.UserAgent;

/** Signs in the first user and finds the rooms' URIs by name, as a client does (cmd:chansrch). */
final class RoomFinder {

    private RoomFinder() {
    }

    static List<String> find(Population population, UserAgent first, String prefix, int rooms)
            throws InterruptedException, ExecutionException, TimeoutException {
        signIn(population, first);
        List<String> uris = new ArrayList<>();
        for (int r = 1; r <= rooms; r++) {
            uris.add(first.findRoom(prefix + r).get(30, TimeUnit.SECONDS));
        }
        return uris;
    }

    /** The URI of the one room named {@code name}. */
    static String find(Population population, UserAgent first, String name)
            throws InterruptedException, ExecutionException, TimeoutException {
        signIn(population, first);
        return first.findRoom(name).get(30, TimeUnit.SECONDS);
    }

    private static void signIn(Population population, UserAgent first) throws InterruptedException {
        if (population.signIn(List.of(first), user -> CompletableFuture.completedFuture(null)).isEmpty()) {
            throw new IllegalStateException(first.name() + " cannot sign in: " + population.failures());
        }
    }
}
