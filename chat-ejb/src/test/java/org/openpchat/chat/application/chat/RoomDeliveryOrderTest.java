package org.openpchat.chat.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A room's posts go out in id order, however their threads race; other rooms are not held up. */
class RoomDeliveryOrderTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1)); // any origin: nanoTime's is arbitrary
    private final RoomDeliveryOrder order = new RoomDeliveryOrder(10, TimeUnit.SECONDS, now::get);
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> fills = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Reads back what is missing as the history would: every id between. */
    private void fill(String room, long afterId, long beforeId) {
        fills.add(room + " after " + afterId + " before " + beforeId);
        LongStream.range(afterId + 1, beforeId).forEach(id -> delivered.add(room + " " + id));
    }

    private Runnable delivery(String room, long id) {
        return () -> delivered.add(room + " " + id);
    }

    /** Completes a post on a thread of its own, as its poster's thread would. */
    private Future<?> completeElsewhere(String room, long id, Runnable delivery) {
        return threads.submit(() -> order.complete(room, id, delivery));
    }

    @Test
    void aLaterPostCompletedFirstWaitsAndGoesOutAfterTheEarlierOne() throws Exception {
        order.take("lobby", 5);
        order.take("lobby", 6);

        Future<?> later = completeElsewhere("lobby", 6, delivery("lobby", 6));
        Thread.sleep(100);
        assertThat(delivered).as("6 is left for 5's thread").isEmpty();
        assertThat(later).as("6's poster waits until it has gone out").isNotDone();

        order.complete("lobby", 5, delivery("lobby", 5));

        later.get(10, TimeUnit.SECONDS);
        assertThat(delivered).containsExactly("lobby 5", "lobby 6");
        assertThat(order.openCount()).isZero();
    }

    @Test
    void postsStayOpenUntilCompleted() {
        order.take("lobby", 5);
        order.take("lobby", 6);
        order.take("desk", 9);
        assertThat(order.openCount()).isEqualTo(3);

        order.complete("desk", 9, delivery("desk", 9));
        assertThat(order.openCount()).isEqualTo(2);
    }

    @Test
    void anEarlierPostOpenExactlyThePatienceLimitIsPassedOver() throws Exception {
        order.take("lobby", 5);
        order.take("lobby", 6);
        now.addAndGet(TimeUnit.SECONDS.toNanos(10));

        order.complete("lobby", 6, delivery("lobby", 6));

        assertThat(delivered).containsExactly("lobby 6");
    }

    @Test
    void aPosterWhosePostIsHeldUpReturnsAfterThePatienceLimit() throws Exception {
        RoomDeliveryOrder brief = new RoomDeliveryOrder(200, TimeUnit.MILLISECONDS, now::get);
        CountDownLatch release = new CountDownLatch(1);
        brief.take("lobby", 5);
        brief.take("lobby", 6);
        Future<?> earlier = threads.submit(() -> brief.complete("lobby", 5, () -> await(release)));
        Thread.sleep(100); // 5's thread is delivering the room, and stays in its delivery

        Future<?> later = threads.submit(() -> brief.complete("lobby", 6, delivery("lobby", 6)));

        later.get(10, TimeUnit.SECONDS);
        assertThat(delivered).as("6 is still behind 5").isEmpty();
        release.countDown();
        earlier.get(10, TimeUnit.SECONDS);
        assertThat(delivered).containsExactly("lobby 6");
    }

    @Test
    void anInterruptedPosterReturnsAndKeepsItsInterrupt() throws Exception {
        order.take("lobby", 5);
        order.take("lobby", 6);
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread poster = new Thread(() -> {
            order.complete("lobby", 6, delivery("lobby", 6));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        poster.start();
        Thread.sleep(100);

        poster.interrupt();
        poster.join(TimeUnit.SECONDS.toMillis(5));

        assertThat(poster.isAlive()).isFalse();
        assertThat(stillInterrupted).isTrue();
        order.complete("lobby", 5, delivery("lobby", 5));
        assertThat(delivered).containsExactly("lobby 5", "lobby 6");
    }

    @Test
    void anotherRoomsEarlierPostHoldsNobodyUp() {
        order.take("lobby", 5);
        order.take("desk", 9);

        order.complete("desk", 9, delivery("desk", 9));

        assertThat(delivered).containsExactly("desk 9");
    }

    @Test
    void anEarlierPostRolledBackLetsTheLaterOneGo() throws Exception {
        order.take("lobby", 5);
        order.take("lobby", 6);
        Future<?> later = completeElsewhere("lobby", 6, delivery("lobby", 6));

        order.complete("lobby", 5, null);

        later.get(10, TimeUnit.SECONDS);
        assertThat(delivered).containsExactly("lobby 6");
        assertThat(order.openCount()).isZero();
    }

    @Test
    void aPostCompletedWhileTheRoomIsBeingDeliveredGoesOutAfter() throws Exception {
        order.take("lobby", 5);
        order.take("lobby", 6);
        List<Future<?>> later = new ArrayList<>();
        order.complete("lobby", 5, () -> {
            delivered.add("lobby 5 starts");
            later.add(completeElsewhere("lobby", 6, delivery("lobby", 6)));
            sleep(100);
            delivered.add("lobby 5 ends");
        });

        later.get(0).get(10, TimeUnit.SECONDS);
        assertThat(delivered).containsExactly("lobby 5 starts", "lobby 5 ends", "lobby 6");
    }

    @Test
    void anEarlierPostOpenPastThePatienceLimitIsPassedOverAndDeliveredLate() throws Exception {
        order.take("lobby", 5);
        order.take("lobby", 6);
        order.take("lobby", 7);
        Future<?> six = completeElsewhere("lobby", 6, delivery("lobby", 6));
        Thread.sleep(100);
        assertThat(delivered).isEmpty();

        now.addAndGet(TimeUnit.SECONDS.toNanos(11));
        order.complete("lobby", 7, delivery("lobby", 7));
        six.get(10, TimeUnit.SECONDS);
        assertThat(delivered).containsExactly("lobby 6", "lobby 7");

        order.complete("lobby", 5, delivery("lobby", 5));
        assertThat(delivered).containsExactly("lobby 6", "lobby 7", "lobby 5");
        assertThat(order.openCount()).isZero();
    }

    @Test
    void aFailedDeliveryDoesNotKeepTheRoomsNextPostsBack() throws Exception {
        order.take("lobby", 5);
        order.take("lobby", 6);
        Future<?> later = completeElsewhere("lobby", 6, delivery("lobby", 6));

        order.complete("lobby", 5, () -> {
            throw new IllegalStateException("front end gone");
        });

        later.get(10, TimeUnit.SECONDS);
        assertThat(delivered).containsExactly("lobby 6");
    }

    @Test
    void postsCompletedOnRacingThreadsGoOutInIdOrder() throws Exception {
        int posts = 300;
        LongStream.rangeClosed(1, posts).forEach(id -> order.take("lobby", id));
        List<Long> ids = new ArrayList<>(LongStream.rangeClosed(1, posts).boxed().toList());
        Collections.shuffle(ids);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (long id : ids) {
            done.add(threads.submit(() -> {
                start.await();
                order.complete("lobby", id, delivery("lobby", id));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(30, TimeUnit.SECONDS);
        }

        assertThat(delivered).containsExactlyElementsOf(
                LongStream.rangeClosed(1, posts).mapToObj(id -> "lobby " + id).toList());
        assertThat(order.openCount()).isZero();
    }

    @Test
    void anotherNodesPostsGoOutAtOnceWhenNothingIsMissing() {
        order.pooled(this::fill);

        assertThat(order.arrive("lobby", 5, delivery("lobby", 5))).isTrue();
        assertThat(order.arrive("lobby", 6, delivery("lobby", 6))).isTrue();

        assertThat(delivered).containsExactly("lobby 5", "lobby 6");
    }

    @Test
    void anotherNodesPostWaitsForTheOneBeforeItAndBothGoOutInOrder() {
        order.pooled(this::fill);
        order.arrive("lobby", 5, delivery("lobby", 5));

        order.arrive("lobby", 7, delivery("lobby", 7));
        assertThat(delivered).as("7 waits for 6").containsExactly("lobby 5");

        order.arrive("lobby", 6, delivery("lobby", 6));
        assertThat(delivered).containsExactly("lobby 5", "lobby 6", "lobby 7");
        assertThat(fills).isEmpty();
    }

    @Test
    void aPostThatArrivesTwiceOrAfterALaterOneWentOutIsDropped() {
        order.pooled(this::fill);
        order.arrive("lobby", 5, delivery("lobby", 5));
        order.arrive("lobby", 7, delivery("lobby", 7));

        assertThat(order.arrive("lobby", 7, delivery("lobby", 7))).as("waiting already").isFalse();
        assertThat(order.arrive("lobby", 5, delivery("lobby", 5))).as("gone out already").isFalse();
        assertThat(delivered).containsExactly("lobby 5");
    }

    @Test
    void aMissingPostIsReadBackOnceThePatienceLimitPassedThenTheLaterOneGoesOut() {
        order.pooled(this::fill);
        order.arrive("lobby", 5, delivery("lobby", 5));
        order.arrive("lobby", 8, delivery("lobby", 8));
        now.addAndGet(TimeUnit.SECONDS.toNanos(9));
        order.sweep();
        assertThat(delivered).as("still within the patience limit").containsExactly("lobby 5");

        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        order.sweep();

        assertThat(fills).containsExactly("lobby after 5 before 8");
        assertThat(delivered).containsExactly("lobby 5", "lobby 6", "lobby 7", "lobby 8");
        assertThat(order.arrive("lobby", 6, delivery("lobby", 6))).as("arriving after it was read back").isFalse();
        assertThat(order.openCount()).isZero();
    }

    @Test
    void aLocalPostAfterAnotherNodesOneWaitsForItInOrder() throws Exception {
        order.pooled(this::fill);
        order.arrive("lobby", 5, delivery("lobby", 5));
        order.take("lobby", 7); // 6 was committed on another node and is on its way

        Future<?> seven = completeElsewhere("lobby", 7, delivery("lobby", 7));
        Thread.sleep(100);
        assertThat(delivered).containsExactly("lobby 5");

        order.arrive("lobby", 6, delivery("lobby", 6));
        seven.get(10, TimeUnit.SECONDS);
        assertThat(delivered).containsExactly("lobby 5", "lobby 6", "lobby 7");
    }

    @Test
    void anotherNodesPostWaitsForAnOpenLocalOne() {
        order.pooled(this::fill);
        order.take("lobby", 5);

        order.arrive("lobby", 6, delivery("lobby", 6));
        assertThat(delivered).isEmpty();

        order.complete("lobby", 5, delivery("lobby", 5));
        assertThat(delivered).containsExactly("lobby 5", "lobby 6");
    }

    /**
     * The first post a node sees of a room is its own, and the one before it, from another node,
     * is still on its way: the last id the join read makes the local post wait for it.
     */
    @Test
    void afterAJoinALocalPostWaitsForAnotherNodesEarlierOneOnItsWay() throws Exception {
        order.pooled(this::fill);
        order.known("lobby", 4); // what the joiner read as history
        order.take("lobby", 6); // 5 was committed on another node

        Future<?> six = completeElsewhere("lobby", 6, delivery("lobby", 6));
        Thread.sleep(100);
        assertThat(delivered).as("6 waits for 5").isEmpty();

        assertThat(order.arrive("lobby", 5, delivery("lobby", 5))).isTrue();
        six.get(10, TimeUnit.SECONDS);
        assertThat(delivered).containsExactly("lobby 5", "lobby 6");
    }

    @Test
    void postsAJoinerReadAsHistoryAreNotHandedOnAgain() {
        order.pooled(this::fill);
        order.known("lobby", 4);

        assertThat(order.arrive("lobby", 4, delivery("lobby", 4))).isFalse();
        assertThat(order.arrive("lobby", 5, delivery("lobby", 5))).isTrue();
        assertThat(delivered).containsExactly("lobby 5");
    }

    @Test
    void aRoomsLastIdIsKeptWhenSomeoneJoinsLater() {
        order.pooled(this::fill);
        order.arrive("lobby", 5, delivery("lobby", 5));
        order.known("lobby", 7); // 6 and 7 committed, on their way to this node

        order.arrive("lobby", 7, delivery("lobby", 7));
        order.arrive("lobby", 6, delivery("lobby", 6));

        assertThat(delivered).containsExactly("lobby 5", "lobby 6", "lobby 7");
    }

    @Test
    void withoutAPoolAJoinChangesNothing() {
        order.known("lobby", 4);
        order.take("lobby", 9);
        order.complete("lobby", 9, delivery("lobby", 9));

        assertThat(delivered).containsExactly("lobby 9");
        assertThat(order.openCount()).isZero();
    }

    @Test
    void aPooledRoomRemembersItsLastPostWhileIdle() {
        order.pooled(this::fill);
        order.arrive("lobby", 5, delivery("lobby", 5));
        assertThat(order.openCount()).isZero();

        order.arrive("lobby", 7, delivery("lobby", 7));

        assertThat(delivered).as("7 waits for 6 though the room was idle").containsExactly("lobby 5");
    }

    @Test
    void withoutAPoolAGapIsNotWaitedFor() {
        order.take("lobby", 5);
        order.complete("lobby", 5, delivery("lobby", 5));
        order.take("lobby", 9); // an import moved the room's counter on

        order.complete("lobby", 9, delivery("lobby", 9));

        assertThat(delivered).containsExactly("lobby 5", "lobby 9");
    }

    @Test
    void theSweepLeavesARoomThatAnotherThreadDelivers() throws Exception {
        order.pooled(this::fill);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> five = threads.submit(() -> order.arrive("lobby", 5, () -> await(release)));
        Thread.sleep(100);
        order.arrive("lobby", 7, delivery("lobby", 7));
        now.addAndGet(TimeUnit.SECONDS.toNanos(10));

        order.sweep();
        assertThat(fills).as("5's thread is at it").isEmpty();

        release.countDown();
        five.get(10, TimeUnit.SECONDS);
        assertThat(fills).containsExactly("lobby after 5 before 7");
        assertThat(delivered).containsExactly("lobby 6", "lobby 7");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
