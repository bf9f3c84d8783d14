package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchDrainTest {

    private final List<List<Integer>> batches = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final Executor later = scheduled::add;

    private static List<Integer> numbers(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    private void runScheduled() {
        while (!scheduled.isEmpty()) {
            scheduled.remove(0).run();
        }
    }

    @Test
    void oneDrainerWorksOffEverythingInBatchesInOrder() {
        BatchDrain<Integer> drain = new BatchDrain<>(200, batches::add);

        drain.addAll(numbers(0, 300), later);
        drain.addAll(numbers(300, 450), later);
        assertThat(scheduled).as("one drainer for both").hasSize(1);
        assertThat(drain.queued()).isEqualTo(450);

        runScheduled();

        assertThat(batches).extracting(List::size).containsExactly(200, 200, 50);
        assertThat(batches.stream().flatMap(List::stream)).containsExactlyElementsOf(numbers(0, 450));
        assertThat(drain.queued()).isZero();
    }

    @Test
    void whatIsAddedWhileItDrainsGoesInItsNextBatches() {
        List<BatchDrain<Integer>> self = new ArrayList<>();
        BatchDrain<Integer> drain = new BatchDrain<>(2, batch -> {
            batches.add(batch);
            if (batch.contains(0)) {
                self.get(0).addAll(List.of(9), later);
            }
        });
        self.add(drain);

        drain.addAll(numbers(0, 3), later);
        runScheduled();

        assertThat(batches).containsExactly(List.of(0, 1), List.of(2, 9));
    }

    @Test
    void aFailedBatchIsDroppedAndTheNextOnesAreWorked() {
        BatchDrain<Integer> drain = new BatchDrain<>(1, batch -> {
            if (batch.contains(1)) {
                throw new IllegalStateException("database down");
            }
            batches.add(batch);
        });

        drain.addAll(numbers(0, 3), later);
        runScheduled();

        assertThat(batches).containsExactly(List.of(0), List.of(2));
        drain.addAll(List.of(3), later);
        assertThat(scheduled).as("a new drainer after the failure").hasSize(1);
    }

    @Test
    void whenTheExecutorRefusesTheItemsWaitAndAreDrainedHere() {
        BatchDrain<Integer> drain = new BatchDrain<>(2, batches::add);
        Executor refusing = task -> {
            throw new RejectedExecutionException("stopping");
        };

        drain.addAll(numbers(0, 3), refusing);
        assertThat(batches).isEmpty();
        assertThat(drain.queued()).isEqualTo(3);

        drain.drainHere();

        assertThat(batches).containsExactly(List.of(0, 1), List.of(2));
        drain.addAll(List.of(3), later);
        assertThat(scheduled).as("drainHere does not hold the drainer's place").hasSize(1);
    }

    @Test
    void drainHereLeavesARunningDrainerAlone() {
        BatchDrain<Integer> drain = new BatchDrain<>(2, batches::add);
        drain.addAll(numbers(0, 3), later);

        drain.drainHere();

        assertThat(batches).isEmpty();
        runScheduled();
        assertThat(batches).hasSize(2);
    }

    @Test
    void aBatchHoldsAtLeastOne() {
        assertThatThrownBy(() -> new BatchDrain<Integer>(0, batches::add)).isInstanceOf(IllegalArgumentException.class);
    }
}
