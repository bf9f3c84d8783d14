package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.resource.ResourceException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.sip.xccos.XccosEnvelope;
import org.openpchat.chat.sip.xccos.XccosParser;
import org.openpchat.sip.servlet.SipConnection;
import org.openpchat.sip.servlet.SipConnectionFactory;

class PostSheddingTest {

    private static final String NS = "urn:parlano:xml:ns:xccos";
    private static final XccosEnvelope POST = new XccosParser().parse("<xccos ver=\"1\" envid=\"7\" xmlns=\"" + NS + "\">"
            + "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"ma-chan://example.com/r\" author=\"sip:alice@example.com\">"
            + "<chat>hello</chat></grpchat></xccos>");
    private static final XccosEnvelope JOIN = new XccosParser().parse("<xccos ver=\"1\" envid=\"8\" xmlns=\"" + NS + "\">"
            + "<cmd id=\"cmd:join\" seqid=\"1\"><data><chanid key=\"0\" domain=\"example.com\" value=\"r\"/></data></cmd></xccos>");

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RecentPostTimes posts = new RecentPostTimes(now::get);
    private double drawn = 0.5;
    private final PostShedding shedding = new PostShedding(200, 500, posts, () -> drawn);

    @Test
    void aPostWhileTheServerIsBehindIsRefused503WithRetryAfter() {
        AnsweredRequest info = new AnsweredRequest("s-alice");

        assertThat(shedding.refuses(info.request(), POST, late(201))).isTrue();

        assertThat(info.answers).singleElement().satisfies(answer -> {
            assertThat(answer.status).isEqualTo(503);
            assertThat(answer.reason).isEqualTo("Server busy (201 ms behind); nothing was posted");
            assertThat(answer.headers).containsEntry("Retry-After", "1");
            assertThat(answer.sent).isTrue();
        });
    }

    @Test
    void aPostWithinHalfTheLimitGoesAheadWhateverIsDrawn() {
        drawn = 0.0;
        AnsweredRequest info = new AnsweredRequest("s-alice");

        assertThat(shedding.refuses(info.request(), POST, late(100))).isFalse();
        assertThat(info.answers).isEmpty();
    }

    @Test
    void betweenHalfTheLimitAndTheLimitAGrowingShareOfPostsIsRefused() {
        drawn = 0.49; // refused where the share is above 0.49
        assertThat(refusesWithQueuesBehind(140)).as("share 0.4").isFalse();
        assertThat(refusesWithQueuesBehind(150)).as("share 0.5").isTrue();
        drawn = 0.99;
        assertThat(refusesWithQueuesBehind(199)).as("share 0.98").isFalse();
        assertThat(refusesWithQueuesBehind(200)).as("all").isTrue();
    }

    @Test
    void commandsRunWhateverTheDelay() {
        AnsweredRequest info = new AnsweredRequest("s-alice");

        assertThat(shedding.refuses(info.request(), JOIN, late(60_000))).isFalse();
        assertThat(info.answers).isEmpty();
    }

    @Test
    void withoutAConnectionToMeasureWithThePostGoesAhead() {
        SipConnectionFactory failing = new SipConnectionFactory() {
            @Override
            public SipConnection getConnection() throws ResourceException {
                throw new ResourceException("no connection");
            }

            @Override
            public void setReference(javax.naming.Reference reference) {
            }

            @Override
            public javax.naming.Reference getReference() {
                return null;
            }
        };
        AnsweredRequest info = new AnsweredRequest("s-alice");

        assertThat(shedding.refuses(info.request(), POST, failing)).isFalse();
        assertThat(info.answers).isEmpty();
    }

    @Test
    void theLimitIsAnOption() {
        assertThat(PostShedding.configured()).extracting("maxDelayMillis", "maxPostMillis").containsExactly(200L, 250L);
        assertThat(PostShedding.configured()).extracting("chance").satisfies(chance ->
                assertThat(((DoubleSupplier) chance).getAsDouble()).isBetween(0.0, 1.0));
    }

    private static SipConnectionFactory late(long millis) {
        SipConnection connection = AnsweredRequest.fake(SipConnection.class, (name, args) -> switch (name) {
            case "getDeliveryDelayMillis" -> millis;
            case "close" -> null;
            default -> throw new UnsupportedOperationException(name);
        });
        return new SipConnectionFactory() {
            @Override
            public SipConnection getConnection() {
                return connection;
            }

            @Override
            public void setReference(javax.naming.Reference reference) {
            }

            @Override
            public javax.naming.Reference getReference() {
                return null;
            }
        };
    }

    @Test
    void aPostIsRefusedWhilePostsTakeTooLongThoughTheContainersQueuesAreShort() {
        postsTook(900);
        AnsweredRequest info = new AnsweredRequest("s-alice");

        assertThat(shedding.refuses(info.request(), POST, late(10))).isTrue();
        assertThat(info.answers).singleElement().satisfies(answer -> {
            assertThat(answer.status).isEqualTo(503);
            assertThat(answer.reason).isEqualTo("Server busy (900 ms behind); nothing was posted");
        });
        assertThat(shedding.refuses(new AnsweredRequest("s-bob").request(), JOIN, late(10))).as("a command").isFalse();
    }

    @Test
    void postsWithinHalfTheirLimitGoAheadWhileTheContainerIsOnTime() {
        drawn = 0.0;
        postsTook(250);
        assertThat(shedding.refuses(new AnsweredRequest("s-alice").request(), POST, late(100))).isFalse();
    }

    @Test
    void postsStillUnderWayCountAtTheirAgeSoFar() {
        for (int i = 0; i < RecentPostTimes.MIN_POSTS; i++) {
            posts.started(); // waiting for their room's message id
        }
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(700));

        assertThat(shedding.refuses(new AnsweredRequest("s-alice").request(), POST, late(10))).isTrue();
    }

    @Test
    void onlyPostsAreTimedAndSlowPostsAreForgottenAfterTheWindow() {
        for (int i = 0; i < RecentPostTimes.MIN_POSTS; i++) {
            assertThat(carryOutTaking(JOIN, 50)).isEqualTo("done");
        }
        assertThat(posts.recentMillis()).as("joins are not posts").isZero();
        assertThat(carryOutTaking(POST, 50)).isEqualTo("done");
        postsTook(900);
        assertThat(posts.recentMillis()).isEqualTo(900);
        now.addAndGet(TimeUnit.SECONDS.toNanos(RecentPostTimes.WINDOW_SECONDS) + 1);

        AnsweredRequest info = new AnsweredRequest("s-alice");
        assertThat(shedding.refuses(info.request(), POST, late(10))).isFalse();
        assertThat(info.answers).isEmpty();
    }

    private boolean refusesWithQueuesBehind(long millis) {
        return shedding.refuses(new AnsweredRequest("s-alice").request(), POST, late(millis));
    }

    /** As many posts as count, at once, each carried out in {@code millis}. */
    private void postsTook(long millis) {
        long[] starts = new long[RecentPostTimes.MIN_POSTS];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = posts.started();
        }
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
        for (long start : starts) {
            posts.ended(start);
        }
    }

    private String carryOutTaking(XccosEnvelope envelope, long millis) {
        return shedding.timed(envelope, () -> {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
            return "done";
        });
    }
}
