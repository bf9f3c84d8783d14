package org.openpchat.chat.infrastructure.pool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openpchat.chat.application.chat.PostedMessage;
import org.openpchat.chat.application.pool.NodeId;
import org.openpchat.chat.application.pool.PoolMessage;
import org.openpchat.chat.domain.principal.PrincipalId;

/**
 * Pool messages as bytes: a version, a kind, then each field in a fixed order, texts as UTF-8
 * with their length first. No Java serialization, so a message can hold nothing but these
 * fields; a text longer than {@value #MAX_TEXT_BYTES} bytes, a kind or version this node does
 * not know, or bytes left over make the message unreadable.
 */
final class PoolMessageCodec {

    static final int MAX_TEXT_BYTES = 64 * 1024;
    private static final int VERSION = 1;
    private static final byte POSTED = 1;
    private static final byte BEAT = 2;
    private static final byte ENTERED = 3;
    private static final byte LEFT = 4;
    private static final byte HELLO = 5;
    private static final byte OCCUPANTS = 6;
    private static final byte ACCESS_CHANGE = 7;
    private static final byte CREDENTIAL_CHANGE = 8;
    /** Users in one {@link PoolMessage.Occupants} at most. */
    static final int MAX_USERS = 10_000;

    private PoolMessageCodec() {
    }

    static byte[] encode(PoolMessage message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(kind(message));
            node(out, message.from());
            if (message instanceof PoolMessage.Posted posted) {
                PostedMessage post = posted.post();
                text(out, post.roomUid());
                text(out, post.roomUri());
                out.writeLong(post.messageId());
                text(out, post.author().toString());
                instant(out, post.postedAt());
                text(out, post.content());
            } else if (message instanceof PoolMessage.Beat beat) {
                instant(out, beat.at());
                out.writeInt(beat.signedInConnections());
                out.writeInt(beat.usersInRooms());
            } else if (message instanceof PoolMessage.Entered entered) {
                text(out, entered.roomUid());
                text(out, entered.user().toString());
                out.writeBoolean(entered.manager());
            } else if (message instanceof PoolMessage.Left left) {
                text(out, left.roomUid());
                text(out, left.user().toString());
            } else if (message instanceof PoolMessage.Occupants occupants) {
                text(out, occupants.roomUid());
                out.writeInt(occupants.users().size());
                for (PrincipalId user : occupants.users()) {
                    text(out, user.toString());
                }
            } else if (message instanceof PoolMessage.AccessChange change) {
                text(out, change.action());
            } else if (message instanceof PoolMessage.CredentialChange change) {
                text(out, change.user().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static PoolMessage decode(byte[] bytes) throws UnreadableMessageException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new UnreadableMessageException("pool message of version " + version + ", not " + VERSION);
            }
            byte kind = in.readByte();
            NodeId from = node(in);
            PoolMessage message = switch (kind) {
                case POSTED -> new PoolMessage.Posted(from, new PostedMessage(text(in), text(in), in.readLong(),
                        principal(in), instant(in), text(in)));
                case BEAT -> new PoolMessage.Beat(from, instant(in), in.readInt(), in.readInt());
                case ENTERED -> new PoolMessage.Entered(from, text(in), principal(in), in.readBoolean());
                case LEFT -> new PoolMessage.Left(from, text(in), principal(in));
                case HELLO -> new PoolMessage.Hello(from);
                case OCCUPANTS -> new PoolMessage.Occupants(from, text(in), principals(in));
                case ACCESS_CHANGE -> new PoolMessage.AccessChange(from, text(in));
                case CREDENTIAL_CHANGE -> new PoolMessage.CredentialChange(from, principal(in));
                default -> throw new UnreadableMessageException("pool message of unknown kind " + kind);
            };
            if (in.available() > 0) {
                throw new UnreadableMessageException("pool message with " + in.available() + " bytes left over");
            }
            return message;
        } catch (EOFException e) {
            throw new UnreadableMessageException("pool message cut short", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableMessageException("unreadable pool message: " + e.getMessage(), e);
        }
    }

    private static byte kind(PoolMessage message) {
        if (message instanceof PoolMessage.Posted) {
            return POSTED;
        } else if (message instanceof PoolMessage.Beat) {
            return BEAT;
        } else if (message instanceof PoolMessage.Entered) {
            return ENTERED;
        } else if (message instanceof PoolMessage.Left) {
            return LEFT;
        } else if (message instanceof PoolMessage.Hello) {
            return HELLO;
        } else if (message instanceof PoolMessage.Occupants) {
            return OCCUPANTS;
        } else if (message instanceof PoolMessage.AccessChange) {
            return ACCESS_CHANGE;
        }
        return CREDENTIAL_CHANGE;
    }

    private static PrincipalId principal(DataInputStream in) throws IOException, UnreadableMessageException {
        return PrincipalId.parse(text(in));
    }

    private static List<PrincipalId> principals(DataInputStream in) throws IOException, UnreadableMessageException {
        int count = in.readInt();
        if (count < 0 || count > MAX_USERS) {
            throw new UnreadableMessageException("pool message with " + count + " users");
        }
        List<PrincipalId> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(principal(in));
        }
        return users;
    }

    private static void node(DataOutputStream out, NodeId node) throws IOException {
        text(out, node.name());
        text(out, node.start());
    }

    private static NodeId node(DataInputStream in) throws IOException, UnreadableMessageException {
        return new NodeId(text(in), text(in));
    }

    private static void instant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("text of " + utf8.length + " bytes in a pool message");
        }
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String text(DataInputStream in) throws IOException, UnreadableMessageException {
        int length = in.readInt();
        if (length < 0 || length > MAX_TEXT_BYTES) {
            throw new UnreadableMessageException("pool message with a text of " + length + " bytes");
        }
        byte[] utf8 = in.readNBytes(length);
        if (utf8.length < length) {
            throw new EOFException();
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
