package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

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
        SerialDispatcher dispatcher = new SerialDispatcher(workManager);
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
        SerialDispatcher dispatcher = new SerialDispatcher(workManager);
        CountDownLatch after = new CountDownLatch(1);
        dispatcher.execute("k", () -> {
            throw new IllegalStateException("boom");
        });
        dispatcher.execute("k", after::countDown);
        assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
