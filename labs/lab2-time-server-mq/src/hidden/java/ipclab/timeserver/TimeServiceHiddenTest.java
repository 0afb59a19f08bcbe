package ipclab.timeserver;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ipclab.ipc.MessageQueue;
import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;

import static ipclab.timeserver.TimeServerHiddenTest.ask;
import static ipclab.timeserver.TimeServerHiddenTest.startServer;
import static org.assertj.core.api.Assertions.assertThat;

/** The real server with real clients, each in its own JVM. */
@LabTest
@Timeout(90)
class TimeServiceHiddenTest {
    static final Duration EXIT = Duration.ofSeconds(30);
    static final int CLIENTS = 6;
    static final int REQUESTS = 10;

    @Test
    @Points(2)
    @DisplayName("a client asks twice and prints two times; a second client stops the server, which removes the queue")
    void clientsGetTheTimeAndStopTheServer(Lab lab) {
        int key = lab.freshKey();
        var server = startServer(lab, key, "UTC");
        var clock = TestClock.startNow("UTC");
        var asker = lab.program(TimeClient.class).args("--key", Integer.toString(key)).run("1\n1\n", EXIT);
        assertThat(asker.status()).as("exit status of the client\n  stderr: " + asker.stderr()).isZero();
        assertThat(asker.stdoutLines()).hasSize(2).allSatisfy(clock::assertAnswered);

        var stopper = lab.program(TimeClient.class).args("--key", Integer.toString(key)).run("2\n", EXIT);
        assertThat(stopper.status()).as("exit status of the stopping client\n  stderr: " + stopper.stderr()).isZero();
        assertThat(stopper.stdout()).isEqualTo("stop request sent\n");
        assertThat(server.awaitExit(EXIT)).as("exit status of the server" + server.context()).isZero();
        assertThat(server.stdoutLines()).last().isEqualTo("time server stopped");
        assertThat(lab.queueExists(key)).as("the queue after the stop").isFalse();
    }

    @Test
    @Points(4)
    @Timeout(120)
    @DisplayName("6 clients at once, 10 requests each: every client gets its own 10 answers, in the server's time zone")
    void manyClientsAtOnceEachGetTheirOwnAnswers(Lab lab) {
        int key = lab.freshKey();
        String zone = "Asia/Kathmandu";  // UTC+05:45: a server that ignores TZ is hours off
        var server = startServer(lab, key, zone);
        ask(MessageQueue.open(key), "1", 3 + 1, server);  // the server has answered once before the crowd comes
        var clock = TestClock.startNow(zone);
        // Each client is a JVM, and a JVM costs about 0.4 s of CPU to start: twenty of them cost 4 s
        // on two cores before a single request. Six clients asking ten times each keep requests
        // from several processes in the queue at once, which is what the test is about.
        var clients = IntStream.range(0, CLIENTS)
                .mapToObj(i -> lab.program(TimeClient.class).args("--key", Integer.toString(key)).start())
                .toList();
        clients.forEach(client -> client.write("1\n".repeat(REQUESTS)).closeStdin());
        for (var client : clients) {
            assertThat(client.awaitExit(Duration.ofSeconds(60))).as("exit status of " + client + client.context()).isZero();
        }
        for (var client : clients) {
            assertThat(client.stdoutLines()).as("the answers " + client + " printed").hasSize(REQUESTS).allSatisfy(clock::assertAnswered);
        }
        assertThat(MessageQueue.open(key).size()).as("replies nobody took (every reply must reach the client that asked)")
                .isZero();
        MessageQueue.open(key).send(TestProtocol.STOP_REQUEST, "");
        assertThat(server.awaitExit(EXIT)).as("exit status of the server" + server.context()).isZero();
        assertThat(lab.queueExists(key)).isFalse();
    }
}
