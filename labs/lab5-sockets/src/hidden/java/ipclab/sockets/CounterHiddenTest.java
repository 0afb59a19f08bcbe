package ipclab.sockets;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;

import static ipclab.sockets.Servers.EXIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Part C's programs: CounterServer and CounterClient. */
@LabTest
@Timeout(240)  // three JVMs one after the other: on a machine at load 60 that is minutes
@DisplayName("Part C: CounterServer and CounterClient")
class CounterHiddenTest {

    @Test
    @Points(2)
    @DisplayName("many clients at once, run twice: each run counts exactly its calls (the growth of the counter), and prints a rate")
    void remoteCounterIsExact(Lab lab) {
        String key = Servers.keyFile(lab, "counter key");
        var server = Servers.start(lab, CounterServer.class, "tcp:127.0.0.1:0", "--authkey-file", key);
        var first = lab.program(CounterClient.class).args(server.printed(), "--authkey-file", key, "4", "150").start();
        assertThat(first.awaitExit(EXIT)).as("CounterClient's exit status" + first.context()).isZero();
        var second = lab.program(CounterClient.class).args(server.printed(), "--authkey-file", key, "2", "150").start();
        assertThat(second.awaitExit(EXIT)).as("CounterClient's exit status" + second.context()).isZero();
        assertThat(first.stdoutLines()).hasSize(2);
        assertThat(first.stdoutLines().getFirst()).isEqualTo("expected=600 actual=600");
        assertThat(second.stdoutLines().getFirst()).isEqualTo("expected=300 actual=300");
        for (var run : List.of(first, second)) {
            assertThat(run.stdoutLines().get(1)).as("the rate line").matches("calls per second: [0-9]+(\\.[0-9]+)?");
        }
    }

    @Test
    @Points(1)
    @DisplayName("SIGTERM stops CounterServer, and its socket file is removed")
    void stopsOnSignal(Lab lab) {
        String address = Servers.unixAddress(lab, "counter");
        var server = Servers.start(lab, CounterServer.class, address, "--authkey-file", Servers.keyFile(lab, "k"));
        assertThat(Servers.isSocketFile(Servers.socketFile(address))).isTrue();
        server.program().signal("TERM");
        server.program().awaitExit(EXIT);
        assertThat(Servers.socketFile(address)).as("the socket file after SIGTERM").doesNotExist();
    }

    @Test
    @Points(1)
    @DisplayName("clients outside 1..64 or calls outside 0..100,000: exit status 2")
    void badArguments(Lab lab) {
        String key = Servers.keyFile(lab, "k");
        String address = Servers.unixAddress(lab, "counter");
        for (var counts : List.of(List.of("0", "10"), List.of("65", "10"), List.of("2", "-1"), List.of("2", "100001"),
                List.of("two", "1"))) {
            var args = new java.util.ArrayList<>(List.of(address, "--authkey-file", key));
            args.addAll(counts);
            Servers.assertRefusedAsBadArguments(lab, CounterClient.class, args);
        }
    }
}
