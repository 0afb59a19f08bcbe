package ipclab.timeserver;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.Timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Your self-check for part A. */
@LabTest
@Timeout(60)
class NumberRelayPublicTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    @Points(1)
    @DisplayName("numbers typed into the server come out of the client; 0 ends both and removes the queue")
    void relaysNumbersUntilZero(Lab lab) {
        int key = lab.freshKey();
        var server = lab.program(NumberServer.class).args("--key", Integer.toString(key)).start();
        await().atMost(Timing.scaled(WAIT)).until(() -> lab.queueExists(key) || !server.isAlive());

        var client = lab.program(NumberClient.class).args("--key", Integer.toString(key)).start();
        server.write("3\nthree\n14\n");
        // 0 only once the client took 14: the server then waits at most 10 s for the queue to drain,
        // which must not be spent on the client's start-up on a busy machine
        await().atMost(Timing.scaled(WAIT)).until(() -> client.stdoutLines().contains("received: 14") || !client.isAlive());
        server.writeLine("0");
        assertThat(client.awaitExit(WAIT)).as("client exit status" + client.context()).isZero();
        assertThat(client.stdoutLines()).containsExactly("received: 3", "received: 14", "exiting.");

        assertThat(server.awaitExit(WAIT)).as("server exit status" + server.context()).isZero();
        assertThat(server.stdoutLines()).containsExactly("Input error, try again!");
        assertThat(lab.queueExists(key)).as("the queue after the server exited").isFalse();
    }
}
