package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BranchClaimsTest {

    private static final Flow ALICE = new Flow("TCP", "127.0.0.1", 40001, "127.0.0.1", 5060, 1);
    private static final Flow BOB = new Flow("TCP", "127.0.0.1", 40002, "127.0.0.1", 5060, 2);

    private final AtomicLong now = new AtomicLong(1_000);
    private final BranchClaims claims = new BranchClaims(4, now::get);

    @Test
    void theFirstClientKeepsTheBranchAndMaySendItAgain() {
        assertThat(claims.claim("z9hg4bk1", "127.0.0.1:40001", ALICE)).isTrue();
        assertThat(claims.claim("z9hg4bk1", "127.0.0.1:40002", BOB)).as("another client").isFalse();
        assertThat(claims.claim("z9hg4bk1", "127.0.0.1:40001", ALICE)).as("a retransmission").isTrue();
    }

    @Test
    void theSameSentByOnAnotherConnectionIsAnotherClient() {
        Flow laterConnection = new Flow("TCP", "127.0.0.1", 40001, "127.0.0.1", 5060, 7);
        claims.claim("z9hg4bk1", "127.0.0.1:40001", ALICE);

        assertThat(claims.claim("z9hg4bk1", "127.0.0.1:40001", laterConnection)).isFalse();
    }

    @Test
    void aClaimLapsesAfterTheTransactionLifetime() {
        claims.claim("z9hg4bk1", "127.0.0.1:40001", ALICE);
        now.addAndGet(BranchClaims.LIFETIME_NANOS - 1);
        assertThat(claims.claim("z9hg4bk1", "127.0.0.1:40002", BOB)).isFalse();

        now.addAndGet(BranchClaims.LIFETIME_NANOS + 1);
        assertThat(claims.claim("z9hg4bk1", "127.0.0.1:40002", BOB)).isTrue();
    }

    @Test
    void aFullTableTakesNoNewBranchesUntilOldClaimsArePurged() {
        for (int i = 0; i < 4; i++) {
            claims.claim("z9hg4bk" + i, "127.0.0.1:40001", ALICE);
        }
        assertThat(claims.claim("z9hg4bknew", "127.0.0.1:40001", ALICE)).as("unclaimed, let through").isTrue();
        assertThat(claims.claim("z9hg4bknew", "127.0.0.1:40002", BOB)).as("not claimed by alice").isTrue();
        assertThat(claims.claim("z9hg4bk0", "127.0.0.1:40002", BOB)).as("old claims still hold").isFalse();
        assertThat(claims.size()).isEqualTo(4);

        now.addAndGet(BranchClaims.LIFETIME_NANOS + 1);
        claims.claim("z9hg4bknewer", "127.0.0.1:40001", ALICE);
        assertThat(claims.size()).isEqualTo(1);
    }

    @Test
    void ofTwoClientsClaimingAtTheSameInstantExactlyOneWins() throws Exception {
        BranchClaims shared = new BranchClaims(100_000, System::nanoTime);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2_000; round++) {
                String branch = "z9hg4bk" + round;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Boolean>> won = List.of(
                        pool.submit(() -> start.await() >= 0 && shared.claim(branch, "127.0.0.1:40001", ALICE)),
                        pool.submit(() -> start.await() >= 0 && shared.claim(branch, "127.0.0.1:40002", BOB)));
                assertThat(won.get(0).get(5, TimeUnit.SECONDS) ^ won.get(1).get(5, TimeUnit.SECONDS))
                        .as("round " + round).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
