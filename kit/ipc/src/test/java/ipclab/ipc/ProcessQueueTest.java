package ipclab.ipc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@Timeout(60)
class ProcessQueueTest {
    private final int key = Children.freshKey();

    @AfterEach
    void removeQueue() {
        MessageQueue.removeIfExists(key);
    }

    @Test
    void messagesComeOutInTheOrderTheyWentIn() {
        var queue = ProcessQueue.create(key);
        for (String s : new String[] {"a", "b", "", "d d"}) queue.put(s);
        assertThat(queue.size()).isEqualTo(4);
        assertThat(queue.take()).isEqualTo("a");
        assertThat(queue.take()).isEqualTo("b");
        assertThat(queue.take()).isEmpty();
        assertThat(queue.poll(Duration.ofSeconds(1))).contains("d d");
        assertThat(queue.poll(Duration.ofMillis(50))).isEmpty();
    }

    @Test
    void anotherProcessOpensItByKey() throws Exception {
        var queue = ProcessQueue.create(key);
        try (var children = new Children()) {
            var producer = children.start(QueueProducer.class, Integer.toString(key), "500");
            var items = new ArrayList<String>();
            for (int i = 0; i < 500; i++) items.add(queue.poll(Duration.ofSeconds(30)).orElseThrow());
            assertThat(items).containsExactlyElementsOf(IntStream.range(0, 500).mapToObj(i -> "item-" + i).toList());
            assertThat(Children.exitStatus(producer)).isZero();
        } finally {
            queue.remove();
        }
    }

    @Test
    void putWaitsWhileTheQueueIsFull() throws Exception {
        var queue = ProcessQueue.create(key);
        String big = "x".repeat(4000);
        var producer = CompletableFuture.runAsync(() -> IntStream.range(0, 20).forEach(i -> queue.put(big)));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !producer.isDone());
        assertThat(queue.size()).isLessThan(20);  // the kernel's byte limit holds the producer back
        for (int i = 0; i < 20; i++) assertThat(queue.poll(Duration.ofSeconds(10))).contains(big);
        producer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void openingAMissingQueueFails() {
        assertThatThrownBy(() -> ProcessQueue.open(key)).isInstanceOf(IpcException.NoSuchQueueException.class);
    }
}
