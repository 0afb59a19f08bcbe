package ipclab.sockets;

import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ipclab.ipc.Address;
import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.Timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Part C in this JVM: RpcServer and RpcClient with an interface of the test's own. */
@LabTest
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("Part C: remote calls")
@SuppressWarnings("try")  // Probe keeps AutoCloseable's close() as it is, as a student's interface would
class RpcHiddenTest {
    private static final byte[] KEY = "rpc key".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the test serves: every type the contract names, a method that throws, one that meets another call. */
    public interface Probe extends AutoCloseable {
        int twice(int x);

        long sum(long[] xs);

        double half(double x);

        boolean not(boolean b);

        String echo(String s);

        String[] split(String s);

        void bump();

        int bumps();

        String fail(String message);

        String meet(String who);
    }

    /** The service: a public method that is not in the interface must not be callable. */
    public static final class Service implements Probe {
        private final AtomicInteger bumps = new AtomicInteger();
        private final CyclicBarrier meeting = new CyclicBarrier(2);

        @Override
        public int twice(int x) { return 2 * x; }
        @Override
        public long sum(long[] xs) { long s = 0; for (long x : xs) s += x; return s; }
        @Override
        public double half(double x) { return x / 2; }
        @Override
        public boolean not(boolean b) { return !b; }
        @Override
        public String echo(String s) { return s; }
        @Override
        public String[] split(String s) { return s == null ? null : s.split(","); }
        @Override
        public void bump() { bumps.incrementAndGet(); }
        @Override
        public int bumps() { return bumps.get(); }
        @Override
        public String fail(String message) { throw new IllegalStateException(message); }

        @Override
        public String meet(String who) {
            try {  // returns only when a second call is inside the server at the same time
                meeting.await(Timing.scaled(Duration.ofSeconds(20)).toMillis(), TimeUnit.MILLISECONDS);
                return who;
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("no second call came in 20 s: calls are not served at the same time");
            }
        }

        public String secret() { return "not for remote callers"; }

        @Override
        public void close() {}
    }

    /** An RpcServer serving a Service on a UNIX socket in the test's folder, on its own thread. */
    private record Served(RpcServer server, SocketAddress address, Thread thread) implements AutoCloseable {
        static Served start(Lab lab) {
            var listener = new Listener(Address.parse(Servers.unixAddress(lab, "rpc")), KEY);
            var server = new RpcServer(listener, Probe.class, new Service());
            return new Served(server, listener.address(), Thread.ofPlatform().start(server::serve));
        }

        Probe client() {
            return RpcClient.connect(Probe.class, address, KEY);
        }

        @Override
        public void close() {
            server.close();
            try {
                thread.join(Timing.scaled(Duration.ofSeconds(10)).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(thread.isAlive()).as("serve() returned after close()").isFalse();
        }
    }

    @Test
    @Points(2)
    @DisplayName("calls with ints, longs, doubles, booleans, strings, null and arrays come back right")
    void valuesRoundTrip(Lab lab) throws Exception {
        try (var served = Served.start(lab); var probe = served.client()) {
            assertThat(probe.twice(21)).isEqualTo(42);
            assertThat(probe.twice(-7)).isEqualTo(-14);
            assertThat(probe.sum(new long[] {1L << 40, 2, 3})).isEqualTo((1L << 40) + 5);
            assertThat(probe.half(5)).isEqualTo(2.5);
            assertThat(probe.not(false)).isTrue();
            assertThat(probe.echo("héllo \"quoted\" \n 日本")).isEqualTo("héllo \"quoted\" \n 日本");
            assertThat(probe.echo(null)).isNull();
            assertThat(probe.split("a,b,c")).containsExactly("a", "b", "c");
            probe.bump();
            assertThat(probe.bumps()).isEqualTo(1);
        }
    }

    @Test
    @Points(2)
    @DisplayName("a method that throws: RemoteException with code -32000, its message and its class name")
    void remoteErrorsAreThrown(Lab lab) throws Exception {
        try (var served = Served.start(lab); var probe = served.client()) {
            var thrown = catchThrowableOfType(RemoteException.class, () -> probe.fail("the disk is full"));
            assertThat(thrown).as("what fail() threw on the client").isNotNull();
            assertThat(thrown.code()).isEqualTo(-32000);
            assertThat(thrown.getMessage()).isEqualTo("the disk is full");
            assertThat(thrown.remoteType()).isEqualTo("java.lang.IllegalStateException");
            assertThat(probe.twice(1)).as("the proxy works after a remote error").isEqualTo(2);
        }
    }

    @Test
    @Points(3)
    @DisplayName("JSON-RPC errors on the wire: -32700, -32600, -32601, -32602, -32000; a notification gets no reply")
    void errorCodesOnTheWire(Lab lab) throws Exception {
        try (var served = Served.start(lab); var conn = Client.connect(served.address(), KEY)) {
            assertError(call(conn, "{not json"), -32700, null);
            assertError(call(conn, "[1, 2]"), -32600, null);
            assertError(call(conn, "{\"jsonrpc\":\"1.0\",\"method\":\"twice\",\"params\":[1],\"id\":1}"), -32600, 1);
            assertError(call(conn, "{\"jsonrpc\":\"2.0\",\"method\":\"twice\",\"params\":{\"x\":1},\"id\":2}"), -32600, 2);
            assertError(call(conn, "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"params\":[],\"id\":3}"), -32601, 3);
            assertError(call(conn, "{\"jsonrpc\":\"2.0\",\"method\":\"secret\",\"params\":[],\"id\":4}"), -32601, 4);
            assertError(call(conn, "{\"jsonrpc\":\"2.0\",\"method\":\"toString\",\"params\":[],\"id\":5}"), -32601, 5);
            assertError(call(conn, "{\"jsonrpc\":\"2.0\",\"method\":\"twice\",\"params\":[1, 2],\"id\":6}"), -32602, 6);
            assertError(call(conn, "{\"jsonrpc\":\"2.0\",\"method\":\"twice\",\"params\":[\"five\"],\"id\":7}"), -32602, 7);
            JsonNode threw = call(conn, "{\"jsonrpc\":\"2.0\",\"method\":\"fail\",\"params\":[\"no\"],\"id\":\"eight\"}");
            assertError(threw, -32000, "eight");
            assertThat(threw.path("error").path("message").asText()).isEqualTo("no");
            assertThat(threw.path("error").path("data").asText()).isEqualTo("java.lang.IllegalStateException");
            conn.sendBytes("{\"jsonrpc\":\"2.0\",\"method\":\"bump\",\"params\":[]}".getBytes(StandardCharsets.UTF_8));
            JsonNode after = call(conn, "{\"jsonrpc\":\"2.0\",\"method\":\"bumps\",\"params\":[],\"id\":9}");
            assertThat(after.path("id").asInt()).as("the reply after a notification is the next call's").isEqualTo(9);
            assertThat(after.path("result").asInt()).as("the notification was carried out").isEqualTo(1);
            assertThat(after.path("jsonrpc").asText()).isEqualTo("2.0");
        }
    }

    private static JsonNode call(Connection conn, String request) throws Exception {
        conn.sendBytes(request.getBytes(StandardCharsets.UTF_8));
        return JSON.readTree(conn.recvBytes());
    }

    private static void assertError(JsonNode reply, int code, Object id) {
        assertThat(reply.path("error").path("code").asInt()).as("the error code in %s", reply).isEqualTo(code);
        assertThat(reply.has("result")).as("a result beside the error in %s", reply).isFalse();
        if (id == null) assertThat(reply.has("id") && reply.get("id").isNull()).as("the id in %s is null", reply).isTrue();
        else assertThat(reply.path("id").asText()).as("the id in %s", reply).isEqualTo(id.toString());
    }

    @Test
    @Points(2)
    @DisplayName("calls from two connections run at the same time on the server")
    void connectionsAreServedConcurrently(Lab lab) throws Exception {
        try (var served = Served.start(lab); var alice = served.client(); var bob = served.client()) {
            var a = Async.supply(() -> alice.meet("alice"));
            var b = Async.supply(() -> bob.meet("bob"));
            assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo("alice");
            assertThat(b.get(30, TimeUnit.SECONDS)).isEqualTo("bob");
        }
    }

    @Test
    @Points(2)
    @DisplayName("eight threads calling through one proxy each get the results of their own calls")
    void concurrentCallsGetTheirOwnResults(Lab lab) throws Exception {
        try (var served = Served.start(lab); var probe = served.client()) {
            var wrong = new ConcurrentHashMap<String, String>();
            var threads = new ArrayList<Thread>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 300; i++) {
                        String mine = "thread " + thread + " call " + i;
                        String got = probe.echo(mine);
                        if (!mine.equals(got)) wrong.put(mine, String.valueOf(got));
                    }
                }));
            }
            for (Thread t : threads) t.join();
            assertThat(wrong).as("calls that got another call's result (sent -> received)").isEmpty();
        }
    }

    @Test
    @Points(1)
    @DisplayName("a lost connection throws UncheckedIOException; a wrong key AuthenticationException; close() closes the connection")
    void lostConnectionAndClose(Lab lab) throws Exception {
        var served = Served.start(lab);
        var probe = served.client();
        assertThat(probe.twice(2)).isEqualTo(4);
        served.close();
        assertThatThrownBy(() -> probe.twice(3)).as("a call after the server closed").isInstanceOf(UncheckedIOException.class);
        probe.close();
        try (var again = Served.start(lab)) {
            assertThatThrownBy(() -> RpcClient.connect(Probe.class, again.address(), "wrong".getBytes(StandardCharsets.US_ASCII)))
                    .isInstanceOf(AuthenticationException.class);
        }
        try (var listener = new Listener(Address.parse(Servers.unixAddress(lab, "plain")), KEY)) {
            var accepted = Async.supply(listener::accept);
            var client = RpcClient.connect(Probe.class, listener.address(), KEY);
            try (var conn = accepted.get(30, TimeUnit.SECONDS)) {
                client.close();
                assertThatThrownBy(conn::recvBytes).as("the server's side after the proxy's close()")
                        .isInstanceOf(UncheckedIOException.class);
            }
        }
    }
}
