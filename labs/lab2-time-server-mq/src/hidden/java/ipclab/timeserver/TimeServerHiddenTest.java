package ipclab.timeserver;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ipclab.ipc.Message;
import ipclab.ipc.MessageQueue;
import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.RunningProgram;

import static org.assertj.core.api.Assertions.assertThat;

/** The time server on its own: the test speaks the protocol to it directly through the queue. */
@LabTest
@Timeout(60)
class TimeServerHiddenTest {
    static final Duration START = Duration.ofSeconds(30);
    static final Duration REPLY = Duration.ofSeconds(15);
    static final Duration EXIT = Duration.ofSeconds(30);

    /** Starts a server with TZ set and waits until it says it is listening. */
    static RunningProgram startServer(Lab lab, int key, String zone) {
        var server = lab.program(TimeServer.class).args("--key", Integer.toString(key)).env("TZ", zone).start();
        TestWaits.line(server, "time server listening on key " + key, START);
        return server;
    }

    /** Sends a time request with this payload and returns the reply of this type. */
    static Message ask(MessageQueue queue, String payload, long replyType, RunningProgram server) {
        queue.send(TestProtocol.TIME_REQUEST, payload);
        var reply = TestWaits.message(queue, replyType, server, REPLY);
        assertThat(reply).as("a reply of type %d to a time request with payload '%s'%s", replyType, payload, server.context())
                .isPresent();
        return reply.orElseThrow();
    }

    static void stop(Lab lab, int key, RunningProgram server) {
        MessageQueue.open(key).send(TestProtocol.STOP_REQUEST, "");
        assertThat(server.awaitExit(EXIT)).as("exit status after a stop request" + server.context()).isZero();
        assertThat(lab.queueExists(key)).as("the queue still exists after the stop request").isFalse();
    }

    @Test
    @Points(2)
    @DisplayName("a request with an empty or 0 payload gets the current time as type 3 (the course's protocol)")
    void answersTheCourseProtocolWithTypeThree(Lab lab) {
        int key = lab.freshKey();
        var server = startServer(lab, key, "UTC");
        var queue = MessageQueue.open(key);
        for (String payload : new String[] {"", "0"}) {
            var clock = TestClock.startNow("UTC");
            var reply = ask(queue, payload, 3, server);
            assertThat(reply.type()).isEqualTo(3);
            clock.assertAnswered(reply.text());
        }
        stop(lab, key, server);
    }

    @Test
    @Points(3)
    @DisplayName("the server takes only requests (types 1 and 2), never a reply waiting for a client")
    void neverConsumesReplies(Lab lab) {
        int key = lab.freshKey();
        var server = startServer(lab, key, "UTC");
        var queue = MessageQueue.open(key);
        // replies nobody has collected yet: the server must leave them where they are
        queue.send(3, "a reply for a client of the course's protocol");
        queue.send(3 + 999, "a reply for client 999");
        ask(queue, "1000", 3 + 1000, server);
        assertThat(queue.tryReceive(3)).as("the reply waiting for a client of the course's protocol" + server.context())
                .hasValueSatisfying(m -> assertThat(m.text()).isEqualTo("a reply for a client of the course's protocol"));
        assertThat(queue.tryReceive(3 + 999)).as("the reply waiting for client 999" + server.context())
                .hasValueSatisfying(m -> assertThat(m.text()).isEqualTo("a reply for client 999"));
        assertThat(server.isAlive()).isTrue();
        stop(lab, key, server);
    }

    @Test
    @Points(1)
    @DisplayName("a time request whose payload is not a client id is ignored, and the server goes on serving")
    void ignoresARequestWithABadPayload(Lab lab) {
        int key = lab.freshKey();
        var server = startServer(lab, key, "UTC");
        var queue = MessageQueue.open(key);
        queue.send(TestProtocol.TIME_REQUEST, "what time is it?");
        queue.send(TestProtocol.TIME_REQUEST, "-4");
        ask(queue, "77", 3 + 77, server);
        assertThat(server.isAlive()).as("the server is still running" + server.context()).isTrue();
        stop(lab, key, server);
    }

    @ParameterizedTest(name = "TZ={0}")
    @ValueSource(strings = {"UTC", "America/St_Johns", "Pacific/Chatham"})
    @Points(1)
    @DisplayName("the time is local time in the zone of the TZ environment variable")
    void honoursTheTimeZone(String zone, Lab lab) {
        int key = lab.freshKey();
        var server = startServer(lab, key, zone);
        var queue = MessageQueue.open(key);
        var clock = TestClock.startNow(zone);
        clock.assertAnswered(ask(queue, "42", 3 + 42, server).text());
        stop(lab, key, server);
    }

    @Test
    @Points(2)
    @DisplayName("a stop request (type 2) removes the queue; the server prints 'time server stopped' and exits 0")
    void stopRequestRemovesTheQueue(Lab lab) {
        int key = lab.freshKey();
        var server = startServer(lab, key, "UTC");
        assertThat(lab.queueExists(key)).isTrue();
        stop(lab, key, server);
        assertThat(server.stdoutLines()).containsExactly("time server listening on key " + key, "time server stopped");
    }

    @Test
    @Points(2)
    @DisplayName("a second server on the same key is refused (exit 1, naming ipcrm -Q) and the first one keeps serving")
    void secondServerOnTheSameKeyIsRefused(Lab lab) {
        int key = lab.freshKey();
        var first = startServer(lab, key, "UTC");
        var second = lab.program(TimeServer.class).args("--key", Integer.toString(key)).start().finish(EXIT);
        assertThat(second.status()).as("exit status of the second server\n  stderr: " + second.stderr()).isEqualTo(1);
        assertThat(second.stderrLines()).as("stderr of the second server")
                .anySatisfy(line -> assertThat(line).startsWith("error: ").contains("ipcrm -Q " + key));
        assertThat(second.stdout()).as("stdout of the second server").doesNotContain("listening");
        assertThat(second.stderr()).doesNotContain("Exception");
        var queue = MessageQueue.open(key);
        ask(queue, "5", 3 + 5, first);
        stop(lab, key, first);
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    @Points(2)
    @DisplayName("SIGTERM and SIGINT (Ctrl-C) make the server remove its queue before it exits")
    void signalRemovesTheQueue(String signal, Lab lab) {
        int key = lab.freshKey();
        var server = startServer(lab, key, "UTC");
        server.signal(signal);
        server.awaitExit(EXIT);
        assertThat(lab.queueExists(key)).as("the queue still exists after SIG" + signal + server.context()).isFalse();
        assertThat(server.stderr()).as("stderr").doesNotContain("Exception");
    }
}
