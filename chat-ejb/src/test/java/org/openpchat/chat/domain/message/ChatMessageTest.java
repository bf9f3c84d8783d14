package org.openpchat.chat.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.DomainException;

class ChatMessageTest {

    private static final PrincipalId ALICE = PrincipalId.user("alice@example.com");

    private static ChatMessage post(String content) {
        return new ChatMessage(1L, 7, ALICE, Instant.EPOCH, content);
    }

    @Test
    void contentUpToTheLimitIsKeptWhole() {
        String longest = "x".repeat(ChatMessage.MAX_CONTENT);

        assertThat(post(longest).content()).isEqualTo(longest);
        assertThat(post("hi").messageId()).isEqualTo(7);
    }

    @Test
    void contentOverTheLimitIsRefused() {
        assertThatThrownBy(() -> post("x".repeat(ChatMessage.MAX_CONTENT + 1)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
    }

    @Test
    void emptyContentIsRefused() {
        assertThatThrownBy(() -> post("")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> post(null)).isInstanceOf(DomainException.class);
    }

    @Test
    void keepsItsRoomAndAReplacementMustBeValidContentToo() {
        ChatMessage message = new ChatMessage(7L, 3, PrincipalId.user("alice@example.com"), Instant.EPOCH, "hello");
        assertThat(message.roomId()).isEqualTo(7L);
        assertThat(message.id()).isNull();

        message.replaceContent(ChatMessage.REPLACED_BY_ADMINISTRATOR);
        assertThat(message.content()).isEqualTo(ChatMessage.REPLACED_BY_ADMINISTRATOR);
        assertThatThrownBy(() -> message.replaceContent("")).isInstanceOf(DomainException.class);
        assertThat(message.content()).isEqualTo(ChatMessage.REPLACED_BY_ADMINISTRATOR);
    }
}
