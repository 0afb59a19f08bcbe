package ipclab.sockets;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ipclab.ipc.Address;
import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.Timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Java ends against the course's Python ends, both ways, with the right key and a wrong one:
 * this machine's Python ("stock", the legacy handshake up to 3.11, the current one from 3.12) and
 * a Python speaking CPython 3.12's handshake ("3.12"). Skipped when there is no python3.
 */
@LabTest
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("Part B and C: talking to Python")
class PythonInteropHiddenTest {
    private static final byte[] KEY = "secret password".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WRONG = "secret passwore".getBytes(StandardCharsets.US_ASCII);

    private static <T> T within(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        try {
            return future.get(Timing.scaled(Duration.ofSeconds(60)).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            throw e;
        }
    }

    @ParameterizedTest(name = "Python ({0}) Client -> Java Listener")
    @ValueSource(strings = {"stock", "3.12"})
    @Points(2)
    @DisplayName("Python's Client talks to the Java Listener; a wrong key is refused on both sides")
    void pythonClientJavaListener(String form, Lab lab) throws Exception {
        PythonPeer.python3();
        SocketAddress address = Address.parse(Servers.unixAddress(lab, "py"));
        try (var listener = new Listener(address, KEY)) {
            var accepted = Async.supply(listener::accept);
            try (var python = PythonPeer.start(lab, "connect", Address.format(listener.address()), KEY, form);
                    var conn = within(accepted)) {
                assertThat(new String(conn.recvBytes(), StandardCharsets.UTF_8)).isEqualTo("hello from python");
                conn.sendBytes("hello from java".getBytes(StandardCharsets.UTF_8));
                assertThat(python.awaitLine("python received")).isEqualTo("python received hello from java");
                assertThat(python.awaitExit()).isZero();
                if (form.equals("3.12")) {
                    assertThat(python.lines()).as("what the 3.12 peer saw").contains(
                            "challenged in form: sha256", "answered in form: sha256");
                }
            }
            var refused = Async.supply(listener::accept);
            try (var python = PythonPeer.start(lab, "connect", Address.format(listener.address()), WRONG, form)) {
                assertThatThrownBy(() -> within(refused)).as("accept of a Python client with a wrong key")
                        .isInstanceOf(AuthenticationException.class);
                assertThat(python.awaitExit()).as("Python with a wrong key: " + python.lines()).isEqualTo(3);
            }
        }
    }

    @ParameterizedTest(name = "Java Client -> Python ({0}) Listener")
    @ValueSource(strings = {"stock", "3.12"})
    @Points(2)
    @DisplayName("the Java Client talks to Python's Listener; a wrong key is refused on both sides")
    void javaClientPythonListener(String form, Lab lab) throws Exception {
        PythonPeer.python3();
        for (String address : new String[] {Servers.unixAddress(lab, "py"), "tcp:127.0.0.1:0"}) {
            try (var python = PythonPeer.start(lab, "listen", address, KEY, form)) {
                var bound = Address.parse(python.awaitLine("listening on ").substring("listening on ".length()));
                try (var conn = Client.connect(bound, KEY)) {
                    conn.sendBytes("hi".getBytes(StandardCharsets.UTF_8));
                    assertThat(new String(conn.recvBytes(), StandardCharsets.UTF_8)).isEqualTo("python got hi");
                }
                python.awaitLine("closed by the other side");
                assertThat(python.awaitExit()).isZero();
                if (form.equals("3.12")) {
                    assertThat(python.lines()).contains("answered in form: sha256", "challenged in form: sha256");
                }
            }
        }
        try (var python = PythonPeer.start(lab, "listen", Servers.unixAddress(lab, "py"), KEY, form)) {
            var bound = Address.parse(python.awaitLine("listening on ").substring("listening on ".length()));
            assertThatThrownBy(() -> Client.connect(bound, WRONG)).isInstanceOf(AuthenticationException.class);
            assertThat(python.awaitExit()).as("Python's Listener with a client of the wrong key: " + python.lines()).isEqualTo(3);
        }
    }

    @Test
    @Points(1)
    @DisplayName("a Java Listener built for legacy peers challenges as Python 3.11 does, and this machine's Python passes it")
    void legacyListener(Lab lab) throws Exception {
        PythonPeer.python3();
        try (var listener = new Listener(new InetSocketAddress("127.0.0.1", 0), KEY, true)) {
            var accepted = Async.supply(listener::accept);
            try (var python = PythonPeer.start(lab, "connect", Address.format(listener.address()), KEY, "3.12");
                    var conn = within(accepted)) {
                assertThat(conn.recvBytes()).asString().isEqualTo("hello from python");
                conn.sendBytes("ok".getBytes(StandardCharsets.UTF_8));
                assertThat(python.awaitExit()).isZero();
                assertThat(python.lines()).contains("challenged in form: legacy");
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("a Python JSON-RPC client calls CounterServer: results, and errors by their codes")
    void pythonCallsCounterServer(Lab lab) {
        PythonPeer.python3();
        String key = "counter key";
        var server = Servers.start(lab, CounterServer.class, Servers.unixAddress(lab, "counter"), "--authkey-file",
                Servers.keyFile(lab, key));
        try (var python = PythonPeer.start(lab, "rpc", server.printed(), key.getBytes(StandardCharsets.US_ASCII), "stock")) {
            assertThat(python.awaitExit()).as("python: " + python.lines()).isZero();
            assertThat(python.lines()).containsExactly("add 40", "get 41", "hello Hello, Python!", "nope -32601", "bad -32602");
        }
    }
}
