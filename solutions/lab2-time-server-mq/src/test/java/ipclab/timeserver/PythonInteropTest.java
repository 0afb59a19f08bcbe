package ipclab.timeserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reference programs against the course's Python ({@code sysv_ipc}, Debian's
 * {@code python3-sysv-ipc}): the handout promises that either end can be the Python one. Skipped
 * where {@code /usr/bin/python3} has no {@code sysv_ipc}. Not a graded test: it lives in the
 * solution module, so a student's grade never depends on Python being installed.
 */
@LabTest
@Timeout(60)
class PythonInteropTest {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Duration WAIT = Duration.ofSeconds(30);

    /** The course's client: receives until 0. */
    static final String NUMBER_CLIENT = """
            import sys, sysv_ipc
            mq = sysv_ipc.MessageQueue(int(sys.argv[1]))
            while True:
                message, kind = mq.receive()
                value = int(message.decode())
                if value == 0:
                    print("exiting.")
                    break
                print("received:", value)
            """;

    /** A client of the course's protocol, then one with an id, then a stop request. */
    static final String TIME_CLIENT = """
            import sys, sysv_ipc
            mq = sysv_ipc.MessageQueue(int(sys.argv[1]))
            mq.send(b"", type=1)
            print(mq.receive(type=3)[0].decode())
            mq.send(b"77", type=1)
            print(mq.receive(type=80)[0].decode())
            mq.send(b"", type=2)
            """;

    @BeforeAll
    static void pythonWithSysvIpc() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        var check = new ProcessBuilder(PYTHON.toString(), "-c", "import sysv_ipc").redirectErrorStream(true).start();
        check.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assumeTrue(check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0, "no sysv_ipc (apt-get install python3-sysv-ipc)");
    }

    @Test
    @DisplayName("NumberServer feeds the course's Python client")
    void numberServerFeedsThePythonClient(Lab lab) throws Exception {
        int key = lab.freshKey();
        var server = lab.program(NumberServer.class).args("--key", Integer.toString(key)).start();
        await().atMost(Timing.scaled(WAIT)).until(() -> lab.queueExists(key) || !server.isAlive());
        var client = python(NUMBER_CLIENT, key);
        try {
            server.write("4\n-2\n0\n");
            assertThat(finish(client)).as("the Python client's exit status").isZero();
            assertThat(client.inputReader(StandardCharsets.UTF_8).lines().toList())
                    .containsExactly("received: 4", "received: -2", "exiting.");
        } finally {
            client.destroyForcibly();
        }
        assertThat(server.awaitExit(WAIT)).as("exit status of the server" + server.context()).isZero();
        assertThat(lab.queueExists(key)).isFalse();
    }

    @Test
    @DisplayName("a Python sysv_ipc client asks TimeServer, with and without a client id, and stops it")
    void pythonClientAsksTheTimeServer(Lab lab) throws Exception {
        int key = lab.freshKey();
        var server = lab.program(TimeServer.class).args("--key", Integer.toString(key)).env("TZ", "UTC").start();
        server.awaitStdoutLine("time server listening on key " + key, WAIT);
        var client = python(TIME_CLIENT, key);
        try {
            var clock = TestClock.startNow("UTC");
            assertThat(finish(client)).as("the Python client's exit status").isZero();
            List<String> answers = client.inputReader(StandardCharsets.UTF_8).lines().toList();
            assertThat(answers).hasSize(2).allSatisfy(clock::assertAnswered);
        } finally {
            client.destroyForcibly();
        }
        assertThat(server.awaitExit(WAIT)).as("exit status of the server" + server.context()).isZero();
        assertThat(lab.queueExists(key)).isFalse();
    }

    private static Process python(String script, int key) throws IOException {
        return new ProcessBuilder(PYTHON.toString(), "-c", script, Integer.toString(key))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static int finish(Process process) throws InterruptedException {
        assertThat(process.waitFor(Timing.scaled(WAIT).toMillis(), TimeUnit.MILLISECONDS)).as("the Python client ended").isTrue();
        return process.exitValue();
    }
}
