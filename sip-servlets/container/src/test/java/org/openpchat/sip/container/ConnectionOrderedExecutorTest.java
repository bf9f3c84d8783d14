package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.ThreadAffinityIdentifier;
import gov.nist.javax.sip.parser.NioPipelineParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionOrderedExecutorTest {

    private final List<Long> waits = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final ConnectionOrderedExecutor executor = new ConnectionOrderedExecutor(4, waits::add);

    @AfterEach
    void close() {
        executor.close();
    }

    private static NioPipelineParser connection() {
        return new NioPipelineParser() {
        };
    }

    private static Runnable parsed(NioPipelineParser connection, String callId) {
        return connection.new Dispatch(new NioPipelineParser.UnparsedMessage("", new byte[0]), callId);
    }

    @Test
    void everyMessageOfAConnectionGoesToOneLaneWhateverItsCall() {
        NioPipelineParser connection = connection();
        int lane = executor.laneOf(parsed(connection, "call-1"));
        for (int i = 2; i < 50; i++) {
            assertThat(executor.laneOf(parsed(connection, "call-" + i))).isEqualTo(lane);
        }
    }

    @Test
    void connectionsSpreadOverTheLanes() {
        Set<Integer> lanes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            lanes.add(executor.laneOf(parsed(connection(), "call")));
        }
        assertThat(lanes).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void aTaskWithAThreadHashKeepsToItsLane() {
        class Affine implements Runnable, ThreadAffinityIdentifier {
            @Override
            public Object getThreadHash() {
                return "call-7";
            }

            @Override
            public void run() {
            }
        }
        assertThat(executor.laneOf(new Affine())).isEqualTo(executor.laneOf(new Affine()))
                .isEqualTo(Math.floorMod("call-7".hashCode(), 4));
    }

    @Test
    void tasksOfOneLaneRunInTheOrderGivenAndAStacksShutdownDoesNotEndThem() throws Exception {
        executor.shutdown(); // what any JAIN-SIP stack's stop calls
        class Affine implements Runnable, ThreadAffinityIdentifier {
            final int number;
            final List<Integer> ran;

            Affine(int number, List<Integer> ran) {
                this.number = number;
                this.ran = ran;
            }

            @Override
            public Object getThreadHash() {
                return "one call";
            }

            @Override
            public void run() {
                ran.add(number);
            }
        }
        List<Integer> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 500; i++) {
            executor.execute(new Affine(i, ran));
        }
        CountDownLatch done = new CountDownLatch(1);
        executor.execute(new Affine(500, ran) {
            @Override
            public void run() {
                super.run();
                done.countDown();
            }
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).hasSize(501).isSorted();
        assertThat(executor.isShutdown()).isFalse();

        executor.close();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void itTakesJainSipsPlaceAndKnowsWhenItLostIt() {
        ConnectionOrderedExecutor other = new ConnectionOrderedExecutor(1, waited -> { });
        try {
            assertThat(executor.installIn()).isTrue();
            assertThat(executor.installed()).isTrue();
            assertThat(executor.installIn()).as("already there").isFalse();
            other.installIn();
            assertThat(executor.installed()).isFalse();
            assertThat(executor.installIn()).isTrue();
            other.close();
            assertThat(executor.installed()).as("closing another leaves this one in place").isTrue();
            executor.close();
            assertThat(executor.installed()).as("closed: the place is left empty").isFalse();
        } finally {
            other.close();
        }
    }

    @Test
    void howLongAMessageWaitedBehindTheOnesBeforeItOnItsLaneIsHeard() throws Exception {
        NioPipelineParser connection = connection();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ran = new CountDownLatch(1);
        executor.execute(affine(connection, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        executor.execute(affine(connection, ran::countDown));
        Thread.sleep(150);
        release.countDown();
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(waits).hasSize(2);
        assertThat(waits.get(1)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
    }

    /** A task that keeps to the connection's lane, as a parsed message of it does. */
    private static Runnable affine(Object connection, Runnable body) {
        class Affine implements Runnable, ThreadAffinityIdentifier {
            @Override
            public Object getThreadHash() {
                return connection;
            }

            @Override
            public void run() {
                body.run();
            }
        }
        return new Affine();
    }
}
