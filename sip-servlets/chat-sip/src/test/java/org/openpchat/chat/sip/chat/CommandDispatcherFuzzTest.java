package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.chat.sip.xccos.MalformedXccosException;
import org.openpchat.chat.sip.xccos.XccosElement;
import org.openpchat.chat.sip.xccos.XccosEnvelope;
import org.openpchat.chat.sip.xccos.XccosException;
import org.openpchat.chat.sip.xccos.XccosParser;
import org.openpchat.chat.sip.xccos.XccosStatus;

/**
 * An INFO body through the parser and, when it parses, the dispatcher, as alice in a dialog that
 * joined the Lobby with bob: nothing escapes {@code dispatch}, every command gets exactly one
 * well-formed reply (in order, echoing its seqid and the envelope's envid), a post gets one only
 * when refused, whatever the server sends parses again, and no element fails for an unexpected
 * reason (an {@code ERR_SERVER} reply or a logged warning: the fake chat refuses only with
 * domain errors). An input slower than libFuzzer's timeout is a finding too.
 * <p>
 * Seeds: {@code CommandDispatcherFuzzTestInputs/dispatch}; modes as in
 * {@link org.openpchat.chat.sip.xccos.XccosParserFuzzTest}.
 */
class CommandDispatcherFuzzTest {

    private static final String ROOMS = "ma-chan://example.com/";
    private static final XccosParser PARSER = new XccosParser();
    private static final Logger CHAT_LOG = Logger.getLogger(CommandDispatcher.class.getPackageName());

    private final FakeChat chat = new FakeChat();
    private final ChatSessions sessions = new ChatSessions();
    private final CommandDispatcher dispatcher = new CommandDispatcher(EnvelopeLimit.DEFAULT);
    private final ChatSessions.ChatSession alice = sessions.open("s-alice", "alice@example.com");
    private final ChatSessions.ChatSession bob = sessions.open("s-bob", "bob@example.com");

    @FuzzTest(maxDuration = "10m")
    @DictionaryFile(resourcePath = "/org/openpchat/chat/sip/xccos.dict")
    void dispatch(byte[] input) {
        XccosEnvelope envelope;
        try {
            envelope = PARSER.parse(new String(input, StandardCharsets.UTF_8));
        } catch (MalformedXccosException e) {
            return; // XccosParserFuzzTest's business
        }
        aliceAndBobInTheLobby();
        chat.refusals.put(ROOMS + "closed", DomainException.forbidden("not a member"));
        chat.refusals.put(ROOMS + "gone", DomainException.disabled("disabled"));
        chat.unknownRooms.add(ROOMS + "secret");
        int postsBefore = chat.messages.size();
        CommandContext context = new CommandContext(alice, envelope.envid(), chat, sessions);

        List<LogRecord> warnings = new ArrayList<>();
        Handler recorder = recorder(warnings);
        CHAT_LOG.addHandler(recorder);
        XccosException refusal;
        try {
            refusal = dispatcher.dispatch(context, envelope);
        } finally {
            CHAT_LOG.removeHandler(recorder);
        }

        assertThat(warnings).as("unexpected failures logged").isEmpty();
        List<XccosElement> replies = new ArrayList<>();
        for (Outgoing out : context.outbox()) {
            assertThat(out.sessionId()).isIn(alice.id(), bob.id());
            XccosEnvelope sent = PARSER.parse(out.xccos()); // whatever the server sends is well formed
            if (out.sessionId().equals(alice.id())) {
                sent.elements().stream().filter(e -> "rpl".equals(e.kind())).forEach(replies::add);
            }
        }
        assertThat(replies).allSatisfy(reply -> {
            assertThat(code(reply)).as("ERR_SERVER is a bug").isNotEqualTo(XccosStatus.SERVER_ERROR.code());
            assertThat(reply.node().child("commandid").attribute("envid"))
                    .isEqualTo(envelope.envid() == null ? null : echoed(envelope.envid()));
        });

        List<XccosElement> work = envelope.elements().stream().filter(e -> e.isCommand() || e.isPost()).toList();
        if (work.size() > EnvelopeLimit.DEFAULT) {
            assertThat(replies).singleElement().satisfies(r -> assertThat(code(r)).isEqualTo(413));
            assertThat(refusal.status()).isEqualTo(XccosStatus.MESSAGE_TOO_LARGE);
            assertThat(chat.messages).hasSize(postsBefore);
            return;
        }
        long commands = work.stream().filter(XccosElement::isCommand).count();
        long refusedPosts = work.size() - commands - (chat.messages.size() - postsBefore);
        assertThat(replies).as("one reply per command and per refused post").hasSize((int) (commands + refusedPosts));
        assertThat(refusal == null).as("the INFO fails when a post was refused").isEqualTo(refusedPosts == 0);
        assertRepliesInOrder(work, replies);
    }

    private void aliceAndBobInTheLobby() {
        for (ChatSessions.ChatSession session : List.of(bob, alice)) {
            chat.join(session.user(), FakeChat.LOBBY);
            sessions.enter(session, FakeChat.LOBBY);
        }
    }

    /** Each command's reply comes in the order of the commands, named after it, with its seqid. */
    private static void assertRepliesInOrder(List<XccosElement> work, List<XccosElement> replies) {
        int next = 0;
        for (XccosElement command : work.stream().filter(XccosElement::isCommand).toList()) {
            String id = "rpl:" + (command.commandName() == null ? "" : echoed(command.commandName()));
            String seqid = command.seqid() == null ? "1" : echoed(command.seqid());
            while (next < replies.size()
                    && !(id.equals(replies.get(next).id()) && seqid.equals(replies.get(next).seqid()))) {
                next++;
            }
            assertThat(next).as("the reply to " + command.id() + " seqid " + seqid).isLessThan(replies.size());
            next++;
        }
    }

    /**
     * An attribute value as it comes back: without the characters XML 1.0 cannot carry (an XML
     * 1.1 command may hold them as references), tabs and line ends read as spaces, as XML
     * parsers normalise attribute values.
     */
    private static String echoed(String value) {
        return value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "").replaceAll("[\\t\\n\\r]", " ");
    }

    private static int code(XccosElement reply) {
        return Integer.parseInt(reply.node().child("resp").attribute("code"));
    }

    private static Handler recorder(List<LogRecord> records) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
