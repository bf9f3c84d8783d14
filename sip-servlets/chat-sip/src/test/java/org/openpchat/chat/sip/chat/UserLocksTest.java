package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.sip.xccos.XccosException;
import org.openpchat.chat.sip.xccos.XccosStatus;

/** Work for one user runs alone; what it throws passes as it is, and the lock is free again after. */
class UserLocksTest {

    private final UserLocks locks = new UserLocks();

    @Test
    void theWorksResultAndItsRefusalPassUnchanged() {
        assertThat(locks.exclusively("alice@example.com", () -> 42)).isEqualTo(42);
        XccosException refusal = new XccosException(XccosStatus.NOT_JOINED, "you are not in the room");

        assertThatThrownBy(() -> locks.exclusively("alice@example.com", () -> {
            throw refusal;
        })).isSameAs(refusal);
        assertThat(CompletableFuture.supplyAsync(() -> locks.exclusively("ALICE@example.com", () -> "free"))
                .orTimeout(5, TimeUnit.SECONDS).join()).isEqualTo("free");
    }

    @Test
    void aUserWaitsWhileABatchHoldsThemInAnyCase() throws Exception {
        CountDownLatch inBatch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> locks.exclusively(
                Set.of("bob@example.com", "alice@example.com"), () -> {
                    inBatch.countDown();
                    await(release);
                    return null;
                }));
        assertThat(inBatch.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> join = CompletableFuture.supplyAsync(() -> locks.exclusively("Alice@Example.com",
                () -> "joined"));
        assertThat(join).as("waits for the batch").isNotDone();
        Thread.sleep(100);
        assertThat(join).isNotDone();
        release.countDown();

        assertThat(join.get(5, TimeUnit.SECONDS)).isEqualTo("joined");
        batch.get(5, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
