package ipclab.sockets;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.RunningProgram;

import static ipclab.sockets.PublicServers.LIMIT;
import static org.assertj.core.api.Assertions.assertThat;

/** A first check of each part's programs, each run as its own JVM: {@code ./mvnw test -pl labs/lab5-sockets -am}. */
@LabTest
@DisplayName("the programs (public checks)")
class ProgramsPublicTest {

    @Test
    @DisplayName("Part A: KvClient's requests get KvServer's replies; SHUTDOWN stops it and removes the socket file")
    void keyValueStore(Lab lab) {
        Path socket = lab.tempDir().resolve("kv.sock");
        var server = new RunningProgram[1];
        String address = PublicServers.start(lab, server, KvServer.class, "unix:" + socket);
        assertThat(address).isEqualTo("unix:" + socket);
        var run = lab.program(KvClient.class).args(address, "PUT colour dark blue", "GET colour", "GET size", "KEYS", "SHUTDOWN")
                .run(LIMIT);
        assertThat(run.status()).as("KvClient's exit status; stderr: " + run.stderr()).isZero();
        assertThat(run.stdoutLines()).containsExactly("OK", "VALUE dark blue", "NOT_FOUND", "KEYS colour", "BYE");
        assertThat(server[0].awaitExit(LIMIT)).as("KvServer's exit status after SHUTDOWN").isZero();
        assertThat(server[0].stdoutLines()).containsExactly("listening on " + address, "server stopped");
        assertThat(socket).as("the socket file").doesNotExist();
    }

    @Test
    @DisplayName("Part B: MessageClient's messages are printed by MessageServer; close server stops it")
    void messages(Lab lab) {
        String key = PublicServers.keyFile(lab, "secret password");
        var server = new RunningProgram[1];
        String address = PublicServers.start(lab, server, MessageServer.class, "tcp:127.0.0.1:0", "--authkey-file", key);
        assertThat(address).startsWith("tcp:127.0.0.1:");
        var run = lab.program(MessageClient.class).args(address, "--authkey-file", key, "hello", "close server").run(LIMIT);
        assertThat(run.status()).as("MessageClient's exit status; stderr: " + run.stderr()).isZero();
        assertThat(server[0].awaitExit(LIMIT)).as("MessageServer's exit status").isZero();
        assertThat(server[0].stdoutLines()).hasSize(4).endsWith("hello", "close server");
        assertThat(server[0].stdoutLines().get(1)).startsWith("connection accepted from tcp:127.0.0.1:");
    }

    @Test
    @DisplayName("Part C: four CounterClients' increments all arrive at CounterServer")
    void remoteCounter(Lab lab) {
        String key = PublicServers.keyFile(lab, "counter");
        var server = new RunningProgram[1];
        String address = PublicServers.start(lab, server, CounterServer.class, "unix:" + lab.tempDir().resolve("counter.sock"),
                "--authkey-file", key);
        var run = lab.program(CounterClient.class).args(address, "--authkey-file", key, "4", "250").run(LIMIT);
        assertThat(run.status()).as("CounterClient's exit status; stderr: " + run.stderr()).isZero();
        assertThat(run.stdoutLines()).hasSize(2).first().isEqualTo("expected=1000 actual=1000");
        assertThat(run.stdoutLines().get(1)).matches("calls per second: [0-9.]+");
    }
}
