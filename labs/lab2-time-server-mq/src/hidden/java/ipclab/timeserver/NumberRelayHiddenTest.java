package ipclab.timeserver;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ipclab.ipc.Message;
import ipclab.ipc.MessageQueue;
import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.RunningProgram;
import ipclab.testkit.Timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Part A: NumberServer and NumberClient, with the bytes the course's Python programs use. */
@LabTest
@Timeout(60)
class NumberRelayHiddenTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    static RunningProgram startServer(Lab lab, int key, String... more) {
        var server = lab.program(NumberServer.class).args("--key", Integer.toString(key)).args(more).start();
        await().atMost(Timing.scaled(WAIT)).until(() -> lab.queueExists(key) || !server.isAlive());
        assertThat(lab.queueExists(key)).as("the queue the server created" + server.context()).isTrue();
        return server;
    }

    static Message next(MessageQueue queue, RunningProgram server) {
        var message = TestWaits.message(queue, 0, server, WAIT);
        assertThat(message).as("a message from the server" + server.context()).isPresent();
        return message.orElseThrow();
    }

    static void assertExitedAndRemovedTheQueue(Lab lab, int key, RunningProgram server) {
        assertThat(server.awaitExit(WAIT)).as("exit status of the server" + server.context()).isZero();
        assertThat(lab.queueExists(key)).as("the queue after the server exited").isFalse();
    }

    @Test
    @Points(2)
    @DisplayName("the client prints every number the server reads, then 'exiting.' on 0; the queue is removed")
    void relaysNumbersUntilZero(Lab lab) {
        int key = lab.freshKey();
        var server = startServer(lab, key);
        var client = lab.program(NumberClient.class).args("--key", Integer.toString(key)).start();
        server.write("1\n-5\n42\n");
        // 0 only once the client took 42: the server's 10 s wait for the queue to drain must not be
        // spent on the client's start-up on a busy machine
        await().atMost(Timing.scaled(WAIT)).until(() -> client.stdoutLines().contains("received: 42") || !client.isAlive());
        server.writeLine("0");
        assertThat(client.awaitExit(WAIT)).as("exit status of the client" + client.context()).isZero();
        assertThat(client.stdoutLines()).containsExactly("received: 1", "received: -5", "received: 42", "exiting.");
        assertExitedAndRemovedTheQueue(lab, key, server);
        assertThat(server.stdout()).as("the server's stdout").isEmpty();
    }

    @Test
    @Points(2)
    @DisplayName("the server sends each integer as decimal text with message type 1, in order")
    void sendsDecimalTextWithTypeOne(Lab lab) {
        int key = lab.freshKey();
        var server = startServer(lab, key);
        var queue = MessageQueue.open(key);
        server.write("7\n+8\n  9 \n-10\n");
        for (String expected : new String[] {"7", "8", "9", "-10"}) {
            assertThat(next(queue, server)).isEqualTo(Message.of(1, expected));
        }
        server.writeLine("0");
        assertThat(next(queue, server)).isEqualTo(Message.of(1, "0"));
        assertExitedAndRemovedTheQueue(lab, key, server);
    }

    @Test
    @Points(1)
    @DisplayName("a line that is not an integer prints 'Input error, try again!' and sends nothing")
    void badLinesSendNothing(Lab lab) {
        int key = lab.freshKey();
        var server = startServer(lab, key);
        var queue = MessageQueue.open(key);
        server.write("abc\n\n3.5\n4\n");
        assertThat(next(queue, server)).as("the first message: the first integer line").isEqualTo(Message.of(1, "4"));
        server.writeLine("0");
        assertThat(next(queue, server)).isEqualTo(Message.of(1, "0"));
        assertExitedAndRemovedTheQueue(lab, key, server);
        assertThat(server.stdoutLines()).containsExactly(
                "Input error, try again!", "Input error, try again!", "Input error, try again!");
    }

    @Test
    @Points(1)
    @DisplayName("end of input counts as 0: the server sends 0 and removes the queue")
    void endOfInputCountsAsZero(Lab lab) {
        int key = lab.freshKey();
        var server = startServer(lab, key);
        var queue = MessageQueue.open(key);
        server.write("3\n").closeStdin();
        assertThat(next(queue, server)).isEqualTo(Message.of(1, "3"));
        assertThat(next(queue, server)).isEqualTo(Message.of(1, "0"));
        assertExitedAndRemovedTheQueue(lab, key, server);
    }

    @Test
    @Points(2)
    @DisplayName("after 0 the server waits until the client took every message before it removes the queue")
    void waitsUntilTheQueueIsEmptyBeforeRemovingIt(Lab lab) {
        int key = lab.freshKey();
        // a time limit far beyond the test's waits: the server can only end by seeing the queue empty
        var server = startServer(lab, key, "--timeout", "3600");
        var queue = MessageQueue.open(key);
        server.write("5\n0\n");
        await().atMost(Timing.scaled(WAIT)).until(() -> queue.size() == 2 || !server.isAlive());
        assertThat(server.isAlive()).as("the server, with two messages not yet taken" + server.context()).isTrue();
        assertThat(queue.size()).as("messages in the queue").isEqualTo(2);
        assertThat(next(queue, server)).isEqualTo(Message.of(1, "5"));
        assertThat(next(queue, server)).isEqualTo(Message.of(1, "0"));
        assertExitedAndRemovedTheQueue(lab, key, server);
    }

    @Test
    @Points(1)
    @DisplayName("with no client, the server gives up waiting at its time limit (--timeout S; 10 s without), removes the queue and exits 0")
    void givesUpWaitingAtItsTimeLimit(Lab lab) {
        int key = lab.freshKey();
        var server = startServer(lab, key, "--timeout", "1");
        long sent = System.nanoTime();
        server.write("5\n0\n");
        assertThat(server.awaitExit(WAIT)).as("exit status" + server.context()).isZero();
        long waited = Duration.ofNanos(System.nanoTime() - sent).toMillis();
        assertThat(lab.queueExists(key)).isFalse();
        assertThat(waited).as("milliseconds the server waited for a client before removing the queue (--timeout 1)")
                .isGreaterThanOrEqualTo(1_000);  // at least the limit; no upper bound, which a busy machine could pass
    }

    @Test
    @Points(1)
    @DisplayName("a client with no queue: 'error: no message queue with key K (is the server running?)', exit 1")
    void clientWithoutAQueue(Lab lab) {
        int key = lab.freshKey();
        var run = lab.program(NumberClient.class).args("--key", Integer.toString(key)).run(WAIT);
        assertThat(run.status()).as("exit status\n  stderr: " + run.stderr()).isEqualTo(1);
        assertThat(run.stderrLines()).containsExactly("error: no message queue with key " + key + " (is the server running?)");
        assertThat(lab.queueExists(key)).as("a queue the client created").isFalse();
    }

    @Test
    @Points(1)
    @DisplayName("the client takes messages of any type, oldest first")
    void clientTakesMessagesOfAnyType(Lab lab) {
        int key = lab.freshKey();
        try (var own = TestQueue.create(key)) {
            own.queue().send(7, "11");
            own.queue().send(1, "-4");
            own.queue().send(99, "0");
            var run = lab.program(NumberClient.class).args("--key", Integer.toString(key)).run(WAIT);
            assertThat(run.status()).as("exit status\n  stderr: " + run.stderr()).isZero();
            assertThat(run.stdoutLines()).containsExactly("received: 11", "received: -4", "exiting.");
            assertThat(lab.queueExists(key)).as("the client must not remove the queue").isTrue();
        }
    }

    @Test
    @Points(2)
    @DisplayName("the queue removed while the client waits: 'error: the message queue was removed', exit 1")
    void clientReportsARemovedQueue(Lab lab) {
        int key = lab.freshKey();
        try (var own = TestQueue.create(key)) {
            var client = lab.program(NumberClient.class).args("--key", Integer.toString(key)).start();
            own.queue().send(1, "3");
            TestWaits.line(client, "received: 3", WAIT);
            own.queue().remove();
            assertThat(client.awaitExit(WAIT)).as("exit status" + client.context()).isEqualTo(1);
            assertThat(client.stderrLines()).containsExactly("error: the message queue was removed");
        }
    }
}
