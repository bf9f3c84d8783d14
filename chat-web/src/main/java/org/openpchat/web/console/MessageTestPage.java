package org.openpchat.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openpchat.client.probe.ChatMessageProbe;
import org.openpchat.web.probe.MessageTest;

/**
 * Test-CsPersistentChatMessage from the console: the same probe as {@code POST health/message-test},
 * against this server's own SIP listener.
 */
@Named
@RequestScoped
public class MessageTestPage {

    @Inject
    private MessageTest test;
    @Inject
    private ConsoleUser user;

    private String sender;
    private String senderPassword;
    private String receiver;
    private String receiverPassword;
    private String room;
    private ChatMessageProbe.Result result;

    public void run() {
        result = Feedback.attempt(null, () -> test.run(user.actor(), MessageTest.Parameters.of(sender,
                senderPassword, receiver, receiverPassword, room))).orElse(null);
    }

    public ChatMessageProbe.Result getResult() {
        return result;
    }

    public long getTotalMs() {
        return result == null ? 0 : result.steps().stream().mapToLong(ChatMessageProbe.Step::durationMs).sum();
    }

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    public String getSenderPassword() {
        return senderPassword;
    }

    public void setSenderPassword(String senderPassword) {
        this.senderPassword = senderPassword;
    }

    public String getReceiver() {
        return receiver;
    }

    public void setReceiver(String receiver) {
        this.receiver = receiver;
    }

    public String getReceiverPassword() {
        return receiverPassword;
    }

    public void setReceiverPassword(String receiverPassword) {
        this.receiverPassword = receiverPassword;
    }

    public String getRoom() {
        return room;
    }

    public void setRoom(String room) {
        this.room = room;
    }
}
