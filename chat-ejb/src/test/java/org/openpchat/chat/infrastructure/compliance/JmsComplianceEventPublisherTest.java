package org.openpchat.chat.infrastructure.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.BOB;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.DESK;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;

/** How events sent together are cut into batch messages. */
class JmsComplianceEventPublisherTest {

    private static List<ComplianceEvent> events(int count, int contentLength) {
        return IntStream.range(0, count)
                .mapToObj(i -> event(i, ComplianceEventType.CHAT, DESK, BOB, i, "x".repeat(contentLength))).toList();
    }

    @Test
    void twoHundredEventsToABatchInOrder() {
        List<ComplianceEvent> events = events(401, 10);

        List<List<ComplianceEvent>> batches = JmsComplianceEventPublisher.batches(events);

        assertThat(batches).extracting(List::size).containsExactly(200, 200, 1);
        assertThat(batches.stream().flatMap(List::stream)).containsExactlyElementsOf(events);
        assertThat(JmsComplianceEventPublisher.batches(List.of())).isEmpty();
    }

}
