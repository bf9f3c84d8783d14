package org.openpchat.chat.application.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.MovableClock;
import org.openpchat.chat.domain.pool.InMemoryPoolSettings;
import org.openpchat.chat.domain.pool.PoolState;

/** The SIP front end's question, answered from a copy of the settings at most a second old. */
class PoolServingTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final InMemoryPoolSettings repository = InMemoryPoolSettings.seeded();
    private final PoolServing serving = new PoolServing(repository, clock);

    @Test
    void theSettingsAreReadOnceASecond() {
        assertThat(serving.serves("node1")).isTrue();
        assertThat(serving.serves("node2")).isTrue();
        clock.advance(Duration.ofMillis(999));
        assertThat(serving.serves("node1")).isTrue();
        assertThat(repository.reads()).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(serving.serves("node1")).isTrue();
        assertThat(repository.reads()).isEqualTo(2);
    }

    @Test
    void aChangeIsSeenWhenTheCopyIsASecondOld() {
        assertThat(serving.serves("node1")).isTrue();
        repository.stored().replaceActiveServers(List.of("node2"));

        clock.advance(Duration.ofMillis(999));
        assertThat(serving.serves("node1")).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(serving.serves("node1")).isFalse();
        assertThat(serving.serves("node2")).isTrue();
    }

    @Test
    void theCopyIsNotTheStoredSettings() {
        assertThat(serving.serves("node1")).isTrue();

        repository.stored().changeState(PoolState.FAILED_OVER);

        assertThat(serving.serves("node1")).as("the stored settings changed, not the copy").isTrue();
    }

    @Test
    void forgettingReadsAgainAtOnce() {
        assertThat(serving.serves("node1")).isTrue();
        repository.stored().changeState(PoolState.FAILED_OVER);

        serving.forget();

        assertThat(serving.serves("node1")).isFalse();
        assertThat(repository.reads()).isEqualTo(2);
    }

    @Test
    void aClockSetBackReadsAgain() {
        assertThat(serving.serves("node1")).isTrue();
        repository.stored().changeState(PoolState.FAILED_OVER);

        clock.advance(Duration.ofMillis(-1));

        assertThat(serving.serves("node1")).isFalse();
    }

    @Test
    void withoutTheRowEveryNodeServes() {
        PoolServing noRow = new PoolServing(new InMemoryPoolSettings(), clock);

        assertThat(noRow.serves("node1")).isTrue();
        assertThat(noRow.serves(null)).isTrue();
    }
}
