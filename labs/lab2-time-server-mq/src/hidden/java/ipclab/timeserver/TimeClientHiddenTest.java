package ipclab.timeserver;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.RunningProgram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time client against a fake server: a queue the test created and answers (or does not
 * answer) itself, so every case the client must handle can be made to happen.
 */
@LabTest
@Timeout(60)
class TimeClientHiddenTest {
    static final Duration REQUEST = Duration.ofSeconds(30);
    static final Duration EXIT = Duration.ofSeconds(30);

    static RunningProgram startClient(Lab lab, int key) {
        return lab.program(TimeClient.class).args("--key", Integer.toString(key)).start();
    }

    @Test
    @Points(3)
    @DisplayName("the client sends its pid with type 1 and prints only the reply of type 3 + pid")
    void sendsItsPidAndTakesOnlyItsOwnReply(Lab lab) {
        int key = lab.freshKey();
        try (var fake = TestQueue.create(key)) {
            var queue = fake.queue();
            var client = startClient(lab, key);
            client.writeLine("1");
            var request = TestWaits.message(queue, TestProtocol.TIME_REQUEST, client, REQUEST);
            assertThat(request).as("a time request (type 1) from the client" + client.context()).isPresent();
            assertThat(request.orElseThrow().text()).as("the payload of the request: the client's pid")
                    .isEqualTo(Long.toString(client.pid()));
            long own = 3 + client.pid();
            queue.send(3, "Mon Jan  1 00:00:00 1990");          // for a client of the course's protocol
            queue.send(own + 1, "Tue Jan  2 00:00:00 1990");    // for another client
            queue.send(own, "Sun Nov  1 09:05:03 2026");
            TestWaits.line(client, "Sun Nov  1 09:05:03 2026", REQUEST);
            var run = client.finish(EXIT);
            assertThat(run.status()).as("exit status at the end of input" + client.context()).isZero();
            assertThat(run.stdout()).as("stdout (no prompt when stdin is not a terminal)").isEqualTo("Sun Nov  1 09:05:03 2026\n");
            assertThat(queue.tryReceive(3)).as("the reply of type 3, which was not the client's").isPresent();
            assertThat(queue.tryReceive(own + 1)).as("the reply for another client").isPresent();
        }
    }

    @Test
    @Points(1)
    @DisplayName("2 sends a stop request (type 2), prints 'stop request sent' and exits 0")
    void stopSendsTypeTwoAndExits(Lab lab) {
        int key = lab.freshKey();
        try (var fake = TestQueue.create(key)) {
            var client = startClient(lab, key);
            client.write("2\n1\n");
            var run = client.finish(EXIT);
            assertThat(run.status()).as("exit status" + client.context()).isZero();
            assertThat(run.stdout()).isEqualTo("stop request sent\n");
            var queue = fake.queue();
            assertThat(queue.tryReceive(0)).as("the message the client sent")
                    .hasValueSatisfying(m -> assertThat(m.type()).isEqualTo(TestProtocol.STOP_REQUEST));
            assertThat(queue.tryReceive(0)).as("anything sent after the stop request").isEmpty();
        }
    }

    @Test
    @Points(1)
    @DisplayName("a line other than 1 or 2 prints 'Input error, try again!' and sends nothing")
    void otherLinesAreInputErrors(Lab lab) {
        int key = lab.freshKey();
        try (var fake = TestQueue.create(key)) {
            var run = startClient(lab, key).write("3\nhello\n\n12\n").finish(EXIT);
            assertThat(run.status()).as("exit status at the end of input\n  stderr: " + run.stderr()).isZero();
            assertThat(run.stdoutLines()).containsExactly(
                    "Input error, try again!", "Input error, try again!", "Input error, try again!", "Input error, try again!");
            assertThat(fake.queue().size()).as("messages the client sent").isZero();
        }
    }

    @Test
    @Points(2)
    @DisplayName("no reply within its time limit (--timeout S; 5 s without): 'error: no reply from the time server', exit 1")
    void givesUpAtItsTimeLimitWithoutReply(Lab lab) {
        int key = lab.freshKey();
        try (var fake = TestQueue.create(key)) {
            var client = lab.program(TimeClient.class).args("--key", Integer.toString(key), "--timeout", "1").start();
            long asked = System.nanoTime();
            client.writeLine("1");
            assertThat(client.awaitExit(EXIT)).as("exit status" + client.context()).isEqualTo(1);
            long waited = Duration.ofNanos(System.nanoTime() - asked).toMillis();
            assertThat(client.stderrLines()).containsExactly("error: no reply from the time server");
            assertThat(waited).as("milliseconds the client waited for the reply (--timeout 1)")
                    .isGreaterThanOrEqualTo(1_000);  // at least the limit; no upper bound, which a busy machine could pass
            assertThat(fake.queue().tryReceive(TestProtocol.TIME_REQUEST)).as("the request the client sent").isPresent();
        }
    }

    @Test
    @Points(2)
    @DisplayName("the queue removed while the client waits: 'error: the time server stopped', exit 1")
    void reportsAServerThatStopsWhileItWaits(Lab lab) {
        int key = lab.freshKey();
        try (var fake = TestQueue.create(key)) {
            var client = startClient(lab, key);
            client.writeLine("1");
            assertThat(TestWaits.message(fake.queue(), TestProtocol.TIME_REQUEST, client, REQUEST)).as("the request" + client.context())
                    .isPresent();
            fake.queue().remove();  // the server went away without answering
            assertThat(client.awaitExit(EXIT)).as("exit status" + client.context()).isEqualTo(1);
            assertThat(client.stderrLines()).containsExactly("error: the time server stopped");
        }
    }

    @Test
    @Points(1)
    @DisplayName("no queue on the key: 'error: no time server is running on key K', exit 1, and no queue created")
    void reportsThatNoServerIsRunning(Lab lab) {
        int key = lab.freshKey();
        var run = startClient(lab, key).write("1\n").finish(EXIT);
        assertThat(run.status()).as("exit status\n  stderr: " + run.stderr()).isEqualTo(1);
        assertThat(run.stderrLines()).containsExactly("error: no time server is running on key " + key);
        assertThat(lab.queueExists(key)).as("a queue the client created").isFalse();
    }
}
