package org.openpchat.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FanoutStepTest {

    private final FanoutStep step = new FanoutStep(1, 10, 3, 4);

    @Test
    void countsDeliveriesLostAndDuplicatedPerMember() {
        int first = step.nextPost();
        int second = step.nextPost();
        step.answered(first, 200, 30_000_000);
        step.answered(second, 200, 30_000_000);
        for (String member : new String[] {"a", "b", "c"}) {
            step.delivered(member, first, 11, 2_000_000);
        }
        step.delivered("a", second, 12, 4_000_000);
        step.delivered("a", second, 12, 4_000_000);

        assertThat(step.complete()).isFalse();
        FanoutStep.Result result = step.result(1.0, 2.0, 0.5);
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.expected()).isEqualTo(6);
        assertThat(result.delivered()).isEqualTo(4);
        assertThat(result.lost()).isEqualTo(2);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.outOfOrder()).isZero();
        assertThat(result.millis(50)).isBetween(1.9, 2.1);
        assertThat(FanoutStep.Result.millis(result.acceptedAfter(), 50)).as("how long the answers took")
                .isBetween(29.9, 30.1);
        assertThat(result.held(1000)).isFalse();
    }

    @Test
    void aRefusedPostIsCountedByStatusAndExpectsNoDeliveries() {
        int post = step.nextPost();
        step.answered(post, 503, 5_000_000);

        assertThat(step.complete()).isTrue();
        FanoutStep.Result result = step.result(1.0, -1, -1);
        assertThat(result.refused()).isEqualTo(Map.of(503, 1));
        assertThat(FanoutStep.Result.millis(result.refusedAfter(), 99)).isBetween(4.9, 5.1);
        assertThat(result.acceptedAfter().getTotalCount()).isZero();
        assertThat(result.expected()).isZero();
        assertThat(result.held(1000)).isTrue();
        assertThat(FanoutStep.Result.per1000(result.serverCpu(), 10)).isEqualTo(-1);
    }

    @Test
    void aStepTracksNoMorePostsThanItsCapacity() {
        for (int i = 0; i < 4; i++) {
            assertThat(step.nextPost()).isEqualTo(i);
        }
        assertThat(step.nextPost()).isEqualTo(-1);
        step.delivered("a", 7, -1, 1);
        assertThat(step.result(1, -1, -1).strays()).isEqualTo(1);
    }

    @Test
    void aPostThatArrivesAfterALaterOneOfItsRoomIsOutOfOrder() {
        FanoutStep wide = new FanoutStep(1, 10, 2, 8);
        int first = wide.nextPost();
        int second = wide.nextPost();
        wide.answered(first, 200, 1);
        wide.answered(second, 200, 1);
        wide.delivered("a", first, 41, 1);
        wide.delivered("a", second, 42, 1);
        wide.delivered("b", second, 42, 1);
        wide.delivered("b", first, 41, 1);

        FanoutStep.Result result = wide.result(1.0, -1, -1);
        assertThat(result.outOfOrder()).isEqualTo(1);
        assertThat(result.lost()).isZero();
    }

    @Test
    void theMessageIdIsReadFromTheDeliveredPost() {
        assertThat(FanoutCommand.messageId("<grpchat id=\"grpchat\" seqid=\"1\" ts=\"x\" msgid=\"1234\"><chat>"))
                .isEqualTo(1234);
        assertThat(FanoutCommand.messageId("<grpchat id=\"grpchat\"><chat>")).isEqualTo(-1);
    }
}
