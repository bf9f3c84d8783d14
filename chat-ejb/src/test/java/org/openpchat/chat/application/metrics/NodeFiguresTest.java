package org.openpchat.chat.application.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class NodeFiguresTest {

    private static FrontEndFigures figures(int sessions) {
        return new FrontEndFigures(sessions, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                new FrontEndFigures.Histogram(List.of(0.1), List.of(0L), 0, 0));
    }

    private final NodeFigures node = new NodeFigures();

    @Test
    void withoutAFrontEndThereAreNoFigures() {
        assertThat(node.frontEnd()).isEmpty();
    }

    @Test
    void theRegisteredFrontEndIsAskedEachTime() {
        int[] asked = {0};
        node.register(() -> figures(++asked[0]));

        assertThat(node.frontEnd()).map(FrontEndFigures::chatSessions).contains(1);
        assertThat(node.frontEnd()).map(FrontEndFigures::chatSessions).contains(2);
    }

    @Test
    void onlyTheRegisteredFrontEndUnregistersIt() {
        Supplier<FrontEndFigures> frontEnd = () -> figures(7);
        node.register(frontEnd);

        node.unregister(() -> figures(8));
        assertThat(node.frontEnd()).map(FrontEndFigures::chatSessions).contains(7);

        node.unregister(frontEnd);
        assertThat(node.frontEnd()).isEmpty();
    }
}
