package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import jakarta.resource.spi.work.WorkManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialDispatcherTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final WorkManager workManager = new ExecutorWorkManager(threads);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void tasksOfOneKeyRunOneAtATimeInOrder() throws Exception {
        SerialDispatcher dispatcher = new SerialDispatcher(workManager, SerialDispatcher.UNBOUNDED);
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(4 * 500);
        for (int i = 0; i < 500; i++) {
            for (String key : List.of("a", "b", "c", "d")) {
                int n = i;
                dispatcher.execute(key, () -> {
                    if (key.equals("a") && running.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    seen.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(n);
                    if (key.equals("a")) {
                        running.decrementAndGet();
                    }
                    done.countDown();
                });
            }
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(overlaps).hasValue(0);
        for (List<Integer> order : seen.values()) {
            assertThat(order).hasSize(500).isSorted();
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheQueue() throws Exception {
        SerialDispatcher dispatcher = new SerialDispatcher(workManager, SerialDispatcher.UNBOUNDED);
        CountDownLatch after = new CountDownLatch(1);
        dispatcher.execute("k", () -> {
            throw new IllegalStateException("boom");
        });
        dispatcher.execute("k", after::countDown);
        assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void atMostTheBoundRunsAtOnceAndWaitingKeysRunInTurn() throws Exception {
        SerialDispatcher dispatcher = new SerialDispatcher(workManager, 2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(6);
        for (String key : List.of("a", "b", "c", "d", "e", "f")) {
            dispatcher.execute(key, () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertThat(dispatcher.activeKeys()).isEqualTo(6);
        release.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(most).hasValue(2);
        awaitNoActiveKeys(dispatcher);
    }

    @Test
    void aBusyKeyGivesItsThreadUpToAWaitingOne() throws Exception {
        SerialDispatcher dispatcher = new SerialDispatcher(workManager, 1);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        dispatcher.execute("busy", () -> {
            started.countDown();
            try {
                go.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 40; i++) {
            int n = i;
            dispatcher.execute("busy", () -> order.add("busy " + n));
        }
        dispatcher.execute("other", () -> order.add("other"));
        go.countDown();
        awaitNoActiveKeys(dispatcher);

        assertThat(order).hasSize(41);
        assertThat(order.indexOf("other")).as("after one turn of the busy key, not after all of it")
                .isEqualTo(15);
        assertThat(order.stream().filter(s -> s.startsWith("busy")).map(s -> Integer.parseInt(s.substring(5))))
                .isSorted();
    }

    /**
     * Four threads submitting to 20 keys at once, two slots, in 300 rounds that each end when all
     * has run: a key left waiting while a slot is free shows as a round that never ends.
     */
    @Test
    void underContentionEveryTaskRunsWithinTheBoundAndNoKeyIsLeftBehind() throws Exception {
        SerialDispatcher dispatcher = new SerialDispatcher(workManager, 2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        int submitters = 4;
        int each = 25;
        ExecutorService submitting = Executors.newFixedThreadPool(submitters);
        try {
            for (int round = 0; round < 300; round++) {
                CountDownLatch done = new CountDownLatch(submitters * each);
                for (int s = 0; s < submitters; s++) {
                    int seed = s;
                    submitting.execute(() -> {
                        for (int i = 0; i < each; i++) {
                            dispatcher.execute("k" + (seed * 7 + i) % 20, () -> {
                                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                                running.decrementAndGet();
                                done.countDown();
                            });
                        }
                    });
                }
                assertThat(done.await(10, TimeUnit.SECONDS)).as("round %d: every task ran", round).isTrue();
            }
        } finally {
            submitting.shutdownNow();
        }
        assertThat(most.get()).isBetween(1, 2);
        awaitNoActiveKeys(dispatcher);
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SerialDispatcher(workManager, 0)).withMessageContaining("at least 1");
    }

    private static void awaitNoActiveKeys(SerialDispatcher dispatcher) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (dispatcher.activeKeys() > 0 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(dispatcher.activeKeys()).isZero();
    }
}
