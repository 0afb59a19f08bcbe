package ipclab.ipc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@Timeout(60)
class MessageQueueTest {
    private final int key = Children.freshKey();

    @AfterEach
    void removeQueue() {
        MessageQueue.removeIfExists(key);
    }

    @Test
    void createOpenAndRemoveAQueueInTheKernel() {
        assertThat(MessageQueue.exists(key)).isFalse();
        var created = MessageQueue.createExclusive(key);
        assertThat(MessageQueue.exists(key)).isTrue();
        assertThat(MessageQueue.open(key).id()).isEqualTo(created.id());
        assertThat(MessageQueue.create(key).id()).isEqualTo(created.id());
        created.remove();
        assertThat(MessageQueue.exists(key)).isFalse();
        created.remove();  // removing twice is harmless
    }

    @Test
    void openingAMissingQueueSaysSo() {
        assertThatThrownBy(() -> MessageQueue.open(key))
                .isInstanceOf(IpcException.NoSuchQueueException.class)
                .hasMessage("no message queue with key " + key);
    }

    @Test
    void creatingExclusivelyTwiceIsRefusedAndNamesIpcrm() {
        MessageQueue.createExclusive(key);
        assertThatThrownBy(() -> MessageQueue.createExclusive(key))
                .isInstanceOf(IpcException.QueueExistsException.class)
                .hasMessageContaining("ipcrm -Q " + key);
    }

    @Test
    void receivesByTypeAsMsgrcvDoes() {
        var queue = MessageQueue.create(key);
        queue.send(3, "three");
        queue.send(1, "one");
        queue.send(2, "two");
        queue.send(5, "five");
        assertThat(queue.size()).isEqualTo(4);
        assertThat(queue.receive(2)).isEqualTo(Message.of(2, "two"));          // the oldest of type 2
        assertThat(queue.receive(-4)).isEqualTo(Message.of(1, "one"));         // the lowest type ≤ 4
        assertThat(queue.receive(0)).isEqualTo(Message.of(3, "three"));        // the oldest of any type
        assertThat(queue.tryReceive(4)).isEmpty();
        assertThat(queue.receive(0).text()).isEqualTo("five");
        assertThat(queue.size()).isZero();
    }

    @Test
    void awaitEmptyWaitsUntilTheOthersTookEverythingOrTheTimeRanOut() {
        var queue = MessageQueue.create(key);
        assertThat(queue.awaitEmpty(Duration.ZERO)).as("empty already").isTrue();
        queue.send(1, "left");
        assertThat(queue.awaitEmpty(Duration.ofMillis(50))).as("nobody takes it").isFalse();
        assertThat(queue.size()).isOne();

        queue.send(1, "also left");
        var taker = CompletableFuture.runAsync(() -> {
            var other = MessageQueue.open(key);
            other.receive(1);
            other.receive(1);
        });
        assertThat(queue.awaitEmpty(Duration.ofSeconds(30))).isTrue();
        assertThat(queue.size()).isZero();
        taker.join();

        queue.send(1, "lost with the queue");
        CompletableFuture.runAsync(() -> MessageQueue.open(key).remove());
        assertThat(queue.awaitEmpty(Duration.ofSeconds(30))).as("removed: nothing left to wait for").isTrue();
    }

    @Test
    void payloadsAreExactBytesWithoutTerminator() {
        var queue = MessageQueue.create(key);
        byte[] bytes = {0, 1, (byte) 0xff, 'x', 0};
        queue.send(7, bytes);
        queue.send(7, "");
        queue.send(7, "héllo ✓");
        assertThat(queue.receive(7).payload()).containsExactly(bytes);
        assertThat(queue.receive(7).payload()).isEmpty();
        assertThat(queue.receive(7).payload()).isEqualTo("héllo ✓".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTimedReceiveGivesUpWhenNothingComes() {
        var queue = MessageQueue.create(key);
        long start = System.nanoTime();
        assertThat(queue.receive(1, Duration.ofMillis(200))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aMessageLargerThanTheKernelLimitIsRefusedBeforeSending() {
        var queue = MessageQueue.create(key);
        long limit = MessageQueue.maxMessageBytes();
        queue.send(1, new byte[(int) limit]);  // exactly the limit fits
        assertThat(queue.receive(1).payload()).hasSize((int) limit);
        assertThatThrownBy(() -> queue.send(1, new byte[(int) limit + 1]))
                .isInstanceOf(IpcException.MessageTooLargeException.class)
                .hasMessageContaining(Long.toString(limit));
        assertThat(queue.size()).isZero();
    }

    @Test
    void typesMustBePositive() {
        var queue = MessageQueue.create(key);
        assertThatThrownBy(() -> queue.send(0, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReceiverWaitingOnARemovedQueueIsToldSo() {
        var queue = MessageQueue.create(key);
        var waiting = CompletableFuture.supplyAsync(() -> queue.receive(1));
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5)).until(() -> !waiting.isDone());
        queue.remove();
        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(IpcException.QueueRemovedException.class);
        assertThatThrownBy(() -> queue.send(1, "late")).isInstanceOf(IpcException.QueueRemovedException.class);
    }

    @Test
    void aWaitingReceiveCanBeInterrupted() throws Exception {
        var queue = MessageQueue.create(key);
        var outcome = new CompletableFuture<Throwable>();
        var receiver = Thread.ofPlatform().start(() -> {
            try {
                queue.receive(1);
                outcome.complete(null);
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
        });
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5)).until(() -> !outcome.isDone());
        receiver.interrupt();
        assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(IpcException.WaitInterruptedException.class);
    }

    @Test
    void sendWaitsWhileTheQueueIsFullAndGoesOnWhenThereIsRoom() throws Exception {
        var queue = MessageQueue.create(key);
        byte[] chunk = new byte[1024];
        int sent = 0;
        while (queue.trySend(1, chunk)) sent++;
        assertThat(sent).isPositive();
        var blocked = CompletableFuture.runAsync(() -> queue.send(1, chunk));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !blocked.isDone());
        queue.receive(1);
        blocked.get(10, TimeUnit.SECONDS);
        assertThat(queue.size()).isEqualTo(sent);
    }

    @Test
    void twoProcessesTalkThroughAQueue() throws Exception {
        var queue = MessageQueue.createExclusive(key);
        try (var children = new Children()) {
            var echo = children.start(QueueEcho.class, Integer.toString(key));
            for (String word : new String[] {"ping", "queue", "été"}) {
                queue.send(1, word);
                assertThat(queue.receive(2, Duration.ofSeconds(30))).map(Message::text)
                        .contains(new StringBuilder(word).reverse().toString());
            }
            queue.send(1, "stop");
            assertThat(Children.exitStatus(echo)).isZero();
        }
    }
}
