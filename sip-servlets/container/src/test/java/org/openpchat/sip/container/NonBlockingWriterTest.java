package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On real loopback sockets: the server end non-blocking as JAIN-SIP's NIO transport keeps it. */
class NonBlockingWriterTest {

    private static final byte[] CHUNK = new byte[64 * 1024];

    private final List<String> slow = new CopyOnWriteArrayList<>();
    private ServerSocketChannel listener;
    private Socket client;
    private SocketChannel server;
    private NonBlockingWriter writer;

    @BeforeEach
    void connect() throws IOException {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = new Socket();
        client.setReceiveBufferSize(8 * 1024); // before connecting, so the window stays small
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.socket().getLocalPort()));
        server = listener.accept();
        server.setOption(StandardSocketOptions.SO_SNDBUF, 8 * 1024);
        server.configureBlocking(false);
    }

    @AfterEach
    void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
        client.close();
        server.close();
        listener.close();
    }

    private void start(int maxQueued, Duration stall) throws IOException {
        writer = new NonBlockingWriter("test writer", new WriteLimits(maxQueued, stall),
                (channel, why) -> slow.add(why));
    }

    @Test
    void whatTheSocketCannotTakeWaitsAndArrivesWholeAndInOrderOnceTheClientReads() throws Exception {
        start(1000, Duration.ofSeconds(30));
        int messages = 40;
        for (int i = 0; i < messages; i++) {
            byte[] message = CHUNK.clone();
            message[0] = (byte) i;
            writer.send(server, message); // returns at once although the client reads nothing yet
        }
        assertThat(writer.queued()).as("the socket's buffers cannot hold 2.5 MB").isPositive();

        byte[] received = readExactly(client.getInputStream(), messages * CHUNK.length);
        for (int i = 0; i < messages; i++) {
            assertThat(received[i * CHUNK.length]).as("message " + i + " in its place").isEqualTo((byte) i);
        }
        awaitQueued(0);
        assertThat(slow).isEmpty();
    }

    @Test
    void aClientThatLetsTooManyMessagesWaitIsReportedAndTakesNothingMore() throws Exception {
        start(5, Duration.ofSeconds(30));
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                writer.send(server, CHUNK);
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("more than 5 messages");
        assertThat(slow).containsExactly("more than 5 messages are waiting for it");
        assertThat(writer.queued()).as("what waited is dropped").isZero();
        assertThatThrownBy(() -> writer.send(server, new byte[] {1})).isInstanceOf(IOException.class);
    }

    @Test
    void aClientThatReadsNothingForTheStallTimeIsReported() throws Exception {
        start(1000, Duration.ofSeconds(1));
        for (int i = 0; i < 40; i++) {
            writer.send(server, CHUNK);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (slow.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(slow).containsExactly("it has taken no byte for more than 1 s");
        assertThat(writer.queued()).isZero();
    }

    @Test
    void aForgottenChannelDropsWhatWaitedForIt() throws Exception {
        start(1000, Duration.ofSeconds(30));
        for (int i = 0; i < 40; i++) {
            writer.send(server, CHUNK);
        }
        writer.forget(server);
        assertThat(writer.queued()).isZero();
    }

    @Test
    void aClosedChannelFailsTheSend() throws Exception {
        start(1000, Duration.ofSeconds(30));
        server.close();
        assertThatThrownBy(() -> writer.send(server, new byte[] {1})).isInstanceOf(IOException.class);
    }

    private void awaitQueued(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (writer.queued() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(writer.queued()).isEqualTo(expected);
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        byte[] buffer = new byte[16 * 1024];
        while (out.size() < length) {
            int n = in.read(buffer, 0, Math.min(buffer.length, length - out.size()));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
