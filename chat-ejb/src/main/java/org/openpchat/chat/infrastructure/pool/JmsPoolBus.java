package org.openpchat.chat.infrastructure.pool;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpchat.chat.application.pool.PoolBus;
import org.openpchat.chat.application.pool.PoolMessage;
import org.openpchat.chat.infrastructure.compliance.JmsComplianceEventPublisher;

/**
 * The pool's bus on the broker cluster: the topic {@value #TOPIC}, created by the broker on first
 * use, which the application's broker user alone may use. Messages are not persistent (a node
 * that is down needs no posts; what must not be lost is in the database) and signed
 * ({@link PoolMessageMac}).
 *
 * <p>{@link #publish} only queues: posts are published as their transaction ends, where the
 * connection pool must not be asked to enlist a connection, and a sender thread sends what has
 * queued up in one session, in the order it was queued. When the broker cannot be reached the
 * messages are dropped (counted and logged): the other nodes read missed posts back from history.
 *
 * <p>Each node receives on a thread of its own with a plain (non-durable) subscription, so every
 * node gets every message. Not a message-driven bean: GlassFish gives an MDB on a topic the
 * broker address {@code localhost}, where a pool's brokers do not listen (they cluster only on
 * another address), and in a GlassFish cluster it would share one subscription among the
 * instances. A message that is not signed by a node of this pool, or cannot be read, is dropped
 * with a warning; when the connection fails the receiver connects again after a second.
 */
@ApplicationScoped
public class JmsPoolBus implements PoolBus {

    public static final String TOPIC = "PChatPool";
    static final int QUEUE_LIMIT = 100_000;
    /** The longest message a node sends (a post of the longest content) with room to spare. */
    static final int MAX_BYTES = 8 * PoolMessageCodec.MAX_TEXT_BYTES;
    private static final int BATCH = 500;
    private static final long RECEIVE_WAIT_MILLIS = 1000;
    private static final Logger LOG = Logger.getLogger(JmsPoolBus.class.getName());

    @Resource(lookup = JmsComplianceEventPublisher.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;
    @Resource
    private ManagedThreadFactory threads;

    private final BlockingQueue<PoolMessage> queue = new ArrayBlockingQueue<>(QUEUE_LIMIT);
    private final AtomicLong dropped = new AtomicLong();
    private final List<Thread> running = new ArrayList<>();
    private volatile PoolMessageMac mac;
    private Thread sender;
    private volatile boolean stopping;

    @Override
    public void publish(PoolMessage message) {
        startSender();
        if (!queue.offer(message)) {
            drop(1, "its queue is full");
        }
    }

    @Override
    public synchronized void subscribe(Consumer<PoolMessage> receiver) {
        if (!stopping) {
            start("pchat-pool-receiver", () -> receiveAll(receiver));
        }
    }

    private synchronized void startSender() {
        if (sender == null && !stopping) {
            sender = start("pchat-pool-sender", this::sendAll);
        }
    }

    private Thread start(String name, Runnable work) {
        Thread thread = threads.newThread(work);
        thread.setName(name);
        thread.setDaemon(true);
        thread.start();
        running.add(thread);
        return thread;
    }

    @PreDestroy
    synchronized void stop() {
        stopping = true;
        running.forEach(Thread::interrupt);
    }

    private void sendAll() {
        List<PoolMessage> batch = new ArrayList<>(BATCH);
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, BATCH - 1);
            try {
                send(batch);
            } catch (RuntimeException e) {
                drop(batch.size(), e.toString());
            }
            batch.clear();
        }
    }

    private void send(List<PoolMessage> batch) {
        PoolMessageMac signer = mac();
        try (JMSContext context = connectionFactory.createContext()) {
            Topic topic = context.createTopic(TOPIC);
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            for (PoolMessage message : batch) {
                byte[] body = PoolMessageCodec.encode(message);
                BytesMessage bytes = context.createBytesMessage();
                bytes.writeBytes(body);
                bytes.setStringProperty(PoolMessageMac.PROPERTY, signer.sign(body));
                producer.send(topic, bytes);
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private void receiveAll(Consumer<PoolMessage> receiver) {
        while (!stopping) {
            try (JMSContext context = connectionFactory.createContext(JMSContext.DUPS_OK_ACKNOWLEDGE);
                    JMSConsumer consumer = context.createConsumer(context.createTopic(TOPIC))) {
                while (!stopping) {
                    Message message = consumer.receive(RECEIVE_WAIT_MILLIS);
                    if (message != null) {
                        take(message, receiver);
                    }
                }
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.log(Level.WARNING, "the pool's bus failed; receiving again in a second: " + e);
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void take(Message message, Consumer<PoolMessage> receiver) {
        PoolMessage read;
        try {
            read = read(message, mac());
        } catch (UnreadableMessageException e) {
            LOG.log(Level.WARNING, "dropped a message on " + TOPIC + ": " + e.getMessage());
            return;
        }
        try {
            receiver.accept(read);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a pool message could not be taken: " + read.getClass().getSimpleName()
                    + " from " + read.from(), e);
        }
    }

    static PoolMessage read(Message message, PoolMessageMac mac) throws UnreadableMessageException {
        if (!(message instanceof BytesMessage bytes)) {
            throw new UnreadableMessageException("not a bytes message");
        }
        try {
            long length = bytes.getBodyLength();
            if (length > MAX_BYTES) {
                throw new UnreadableMessageException("pool message of " + length + " bytes");
            }
            byte[] body = new byte[(int) length];
            bytes.readBytes(body);
            mac.verify(body, bytes.getStringProperty(PoolMessageMac.PROPERTY));
            return PoolMessageCodec.decode(body);
        } catch (JMSException e) {
            throw new UnreadableMessageException("unreadable pool message: " + e.getMessage(), e);
        }
    }

    private void drop(int count, String why) {
        long total = dropped.addAndGet(count);
        LOG.log(Level.WARNING, "dropped {0} pool message(s) ({1} since start): {2}", new Object[] {count, total, why});
    }

    /** Read on first use, as the compliance key: a missing key fails the sends, not the deployment. */
    PoolMessageMac mac() {
        PoolMessageMac current = mac;
        if (current == null) {
            current = PoolMessageMac.configured();
            mac = current;
        }
        return current;
    }
}
