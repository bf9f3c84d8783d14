package org.openpchat.chat.application.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests that queue while a batch is stored go together in the next one; each caller gets its own outcome. */
class GroupCommitTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger storing = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
    }

    /** Stores a batch as ten times each request; the batch holding {@code held} waits for the release. */
    private Function<List<Integer>, List<Integer>> store(int held) {
        return store(requests -> requests.contains(held));
    }

    private Function<List<Integer>, List<Integer>> store(Predicate<List<Integer>> held) {
        return requests -> {
            mostAtOnce.accumulateAndGet(storing.incrementAndGet(), Math::max);
            try {
                if (held.test(requests)) {
                    await(release);
                }
                if (requests.contains(-1)) {
                    throw new IllegalStateException("rolled back");
                }
                batches.add(requests);
                return requests.stream().map(request -> request * 10).toList();
            } finally {
                storing.decrementAndGet();
            }
        };
    }

    @Test
    void requestsOneAtATimeAreStoredAloneAtOnce() {
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(2, 64, store(Integer.MIN_VALUE));

        assertThat(commits.submit(1)).isEqualTo(10);
        assertThat(commits.submit(2)).isEqualTo(20);

        assertThat(batches).containsExactly(List.of(1), List.of(2));
        assertThat(commits.averageBatch()).isEqualTo(1.0);
    }

    @Test
    void requestsThatQueueBehindAWriterAreStoredTogetherAndEachCallerGetsItsOwnOutcome() throws Exception {
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(1, 64, store(0));
        Future<Integer> first = submit(commits, 0);
        awaitStoring(1);
        List<Future<Integer>> queued = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            queued.add(submit(commits, i));
        }
        awaitQueued(commits, 5);

        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        for (int i = 1; i <= 5; i++) {
            assertThat(queued.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo(i * 10);
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(commits.averageBatch()).isEqualTo(3.0);
    }

    @Test
    void aBatchIsNoLargerThanItsLimitAndNoMoreWritersWorkThanAllowed() throws Exception {
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(2, 2, store(batch -> true));
        Future<Integer> first = submit(commits, 0);
        awaitStoring(1);
        List<Future<Integer>> queued = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            queued.add(submit(commits, i));
        }
        awaitStoring(2);
        awaitQueued(commits, 7 - 2);

        release.countDown();

        first.get(10, TimeUnit.SECONDS);
        for (Future<Integer> future : queued) {
            future.get(10, TimeUnit.SECONDS);
        }
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(2));
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(8);
        assertThat(mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void aFailedBatchFailsItsCallersOnlyAndTheNextBatchIsStored() throws Exception {
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(1, 64, store(0));
        Future<Integer> first = submit(commits, 0);
        awaitStoring(1);
        Future<Integer> bad = submit(commits, -1);
        Future<Integer> sameBatch = submit(commits, 3);
        awaitQueued(commits, 2);

        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        for (Future<Integer> failed : List.of(bad, sameBatch)) {
            assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("rolled back");
        }
        assertThat(commits.submit(4)).isEqualTo(40);
        assertThat(batches).containsExactly(List.of(0), List.of(4));
    }

    private Future<Integer> submit(GroupCommit<Integer, Integer> commits, int request) {
        return callers.submit(() -> commits.submit(request));
    }

    private void awaitStoring(int writers) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (storing.get() < writers) {
            assertThat(System.nanoTime()).as("a writer started").isLessThan(end);
            Thread.sleep(5);
        }
    }

    private static void awaitQueued(GroupCommit<?, ?> commits, int requests) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commits.queued() < requests) {
            assertThat(System.nanoTime()).as("requests queued").isLessThan(end);
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
