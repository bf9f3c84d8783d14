package org.openpchat.chat.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A room's posts go out in id order, however their threads race; other rooms are not held up. */
class RoomDeliveryOrderTest {

    private final RoomDeliveryOrder order = new RoomDeliveryOrder(10, TimeUnit.SECONDS);
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private Future<Boolean> deliverWhenItsTurn(String room, long id) {
        return threads.submit(() -> {
            boolean inTurn = order.awaitTurn(room, id);
            delivered.add(room + " " + id);
            order.finish(room, id);
            return inTurn;
        });
    }

    @Test
    void aLaterPostWaitsUntilTheEarlierOneOfItsRoomIsDelivered() throws Exception {
        order.take("lobby", 5);
        order.take("lobby", 6);

        Future<Boolean> later = deliverWhenItsTurn("lobby", 6);
        Thread.sleep(100);
        assertThat(delivered).as("6 waits for 5").isEmpty();
        Future<Boolean> earlier = deliverWhenItsTurn("lobby", 5);

        assertThat(earlier.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(later.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(delivered).containsExactly("lobby 5", "lobby 6");
        assertThat(order.takenCount()).isZero();
    }

    @Test
    void anotherRoomsEarlierPostHoldsNobodyUp() throws Exception {
        order.take("lobby", 5);
        order.take("desk", 9);

        assertThat(deliverWhenItsTurn("desk", 9).get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(delivered).containsExactly("desk 9");
    }

    @Test
    void anEarlierPostRolledBackLetsTheLaterOneGo() throws Exception {
        order.take("lobby", 5);
        order.take("lobby", 6);
        Future<Boolean> later = deliverWhenItsTurn("lobby", 6);

        order.finish("lobby", 5);

        assertThat(later.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(delivered).containsExactly("lobby 6");
    }

    @Test
    void aPostWaitsNoLongerThanTheLimitForOneThatNeverFinishes() throws Exception {
        RoomDeliveryOrder impatient = new RoomDeliveryOrder(50, TimeUnit.MILLISECONDS);
        impatient.take("lobby", 5);
        impatient.take("lobby", 6);

        assertThat(impatient.awaitTurn("lobby", 6)).as("gave up waiting for 5").isFalse();
        assertThat(impatient.awaitTurn("lobby", 5)).isTrue();
    }
}
