package ipclab.timeserver;

import java.time.Duration;
import java.util.Objects;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ipclab.ipc.MessageQueue;
import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.RunningProgram;
import ipclab.testkit.Timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Your self-check for part B's programs. The graded tests check much more: see the README. */
@LabTest
@Timeout(60)
class TimeServerPublicTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String ASCTIME = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
            + " [ 1-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9] [0-9]{4}";

    /** Starts a server and waits until it says it is listening. */
    static RunningProgram startServer(Lab lab, int key) {
        var server = lab.program(TimeServer.class).args("--key", Integer.toString(key)).start();
        String listening = "time server listening on key " + key;
        await().atMost(Timing.scaled(WAIT)).until(() -> server.stdoutLines().contains(listening) || !server.isAlive());
        assertThat(server.stdoutLines()).as("the server's stdout" + server.context()).contains(listening);
        return server;
    }

    @Test
    @Points(1)
    @DisplayName("a client asks the time, then stops the server, which removes its queue")
    void clientAsksTheTimeThenStopsTheServer(Lab lab) {
        int key = lab.freshKey();
        var server = startServer(lab, key);

        var client = lab.program(TimeClient.class).args("--key", Integer.toString(key)).run("1\n2\n", WAIT);
        assertThat(client.status()).as("client exit status\n  stderr: " + client.stderr()).isZero();
        assertThat(client.stdoutLines()).hasSize(2);
        assertThat(client.stdoutLines().get(0)).matches(ASCTIME);
        assertThat(client.stdoutLines().get(1)).isEqualTo("stop request sent");

        assertThat(server.awaitExit(WAIT)).as("server exit status" + server.context()).isZero();
        assertThat(server.stdoutLines()).last().isEqualTo("time server stopped");
        assertThat(lab.queueExists(key)).as("the queue after the server stopped").isFalse();
    }

    @Test
    @Points(3)
    @DisplayName("a request from client c is answered with type 3 + c, and with nothing of type 3")
    void answersEachClientWithItsOwnType(Lab lab) {
        int key = lab.freshKey();
        var server = startServer(lab, key);
        try (var queue = MessageQueue.open(key)) {
            for (long client : new long[] {12345, 7, 4194304}) {
                queue.send(1, Long.toString(client));
                var reply = await().atMost(Timing.scaled(WAIT)).pollInterval(Duration.ofMillis(10)).until(() -> {
                    boolean alive = server.isAlive();  // read first: a reply sent just before an exit is still found
                    var answer = queue.tryReceive(3 + client).or(() -> queue.tryReceive(3));
                    return answer.isPresent() || !alive ? answer : null;
                }, Objects::nonNull);
                assertThat(reply).as("a reply to client %d's time request%s", client, server.context()).isPresent();
                assertThat(reply.orElseThrow().type())
                        .as("the type of the reply to client %d (3 + c: type 3 alone would reach any client)", client)
                        .isEqualTo(3 + client);
                assertThat(reply.orElseThrow().text()).matches(ASCTIME);
            }
            assertThat(queue.tryReceive(0)).as("a message left on the queue after every reply was taken").isEmpty();
            queue.send(2, "");
        }
        assertThat(server.awaitExit(WAIT)).as("server exit status after a stop request" + server.context()).isZero();
        assertThat(lab.queueExists(key)).as("the queue after the server stopped").isFalse();
    }

    @Test
    @Points(1)
    @DisplayName("a client with no server says so and exits 1")
    void clientWithoutServer(Lab lab) {
        int key = lab.freshKey();
        var client = lab.program(TimeClient.class).args("--key", Integer.toString(key)).run("1\n", WAIT);
        assertThat(client.status()).isEqualTo(1);
        assertThat(client.stderrLines()).containsExactly("error: no time server is running on key " + key);
    }
}
