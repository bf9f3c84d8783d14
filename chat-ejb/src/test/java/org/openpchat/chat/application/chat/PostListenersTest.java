package org.openpchat.chat.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.principal.PrincipalId;

/** Every registered front end hears of a post, whatever another does. */
class PostListenersTest {

    private static final PostedMessage POST = new PostedMessage("uid", "ma-chan://example.com/uid", 7,
            PrincipalId.user("alice@example.com"), Instant.EPOCH, "hello");

    private final PostListeners listeners = new PostListeners();
    private final List<String> delivered = new ArrayList<>();

    @Test
    void aPostIsDeliveredToEveryListener() {
        listeners.register(message -> delivered.add("sip " + message.messageId()));
        listeners.register(message -> delivered.add("rest " + message.messageId()));

        listeners.deliver(POST);

        assertThat(delivered).containsExactly("sip 7", "rest 7");
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersAndAnUnregisteredOneHearsNothing() {
        PostListener gone = message -> delivered.add("gone");
        listeners.register(message -> {
            throw new IllegalStateException("front end down");
        });
        listeners.register(gone);
        listeners.register(message -> delivered.add("rest"));
        listeners.unregister(gone);

        listeners.deliver(POST);

        assertThat(delivered).containsExactly("rest");
    }
}
