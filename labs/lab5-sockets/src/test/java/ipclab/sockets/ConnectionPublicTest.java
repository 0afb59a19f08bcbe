package ipclab.sockets;

import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parts B and C in this JVM: {@code ./mvnw test -pl labs/lab5-sockets -am -Dtest=ConnectionPublicTest}. */
@LabTest
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("connections and remote calls (public checks)")
class ConnectionPublicTest {
    private static final byte[] KEY = "secret password".getBytes(StandardCharsets.US_ASCII);

    /** Accepts on a thread of its own (the test is the client meanwhile). */
    private static CompletableFuture<Connection> acceptLater(Listener listener) {
        var future = new CompletableFuture<Connection>();
        Thread.ofPlatform().start(() -> {
            try {
                future.complete(listener.accept());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        return future;
    }

    @Test
    @DisplayName("Listener and Client with the same key: messages go both ways")
    void sameKey(Lab lab) throws Exception {
        var address = UnixDomainSocketAddress.of(lab.tempDir().resolve("conn.sock"));
        try (var listener = new Listener(address, KEY)) {
            var accepted = acceptLater(listener);
            try (var client = Client.connect(address, KEY); var server = accepted.get(30, TimeUnit.SECONDS)) {
                client.sendBytes("ping".getBytes(StandardCharsets.UTF_8));
                assertThat(new String(server.recvBytes(), StandardCharsets.UTF_8)).isEqualTo("ping");
                server.sendBytes("pong".getBytes(StandardCharsets.UTF_8));
                assertThat(new String(client.recvBytes(), StandardCharsets.UTF_8)).isEqualTo("pong");
            }
        }
        assertThat(address.getPath()).as("the socket file after Listener.close").doesNotExist();
    }

    @Test
    @DisplayName("a wrong key: Client.connect and Listener.accept both throw AuthenticationException")
    void wrongKey(Lab lab) {
        var address = UnixDomainSocketAddress.of(lab.tempDir().resolve("conn.sock"));
        try (var listener = new Listener(address, KEY)) {
            var accepted = acceptLater(listener);
            assertThatThrownBy(() -> Client.connect(address, "wrong".getBytes(StandardCharsets.US_ASCII)))
                    .isInstanceOf(AuthenticationException.class);
            assertThatThrownBy(() -> accepted.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    @DisplayName("RpcClient's proxy calls RpcServer's Counter; a remote error is a RemoteException")
    void remoteCalls(Lab lab) throws Exception {
        var address = UnixDomainSocketAddress.of(lab.tempDir().resolve("rpc.sock"));
        var counter = new Counter() {
            private long value;

            @Override
            public synchronized long increment() { return ++value; }
            @Override
            public synchronized long add(long delta) { return value += delta; }
            @Override
            public synchronized long get() { return value; }
            @Override
            public String hello(String name) {
                if (name.isEmpty()) throw new IllegalArgumentException("who are you?");
                return "Hello, " + name + "!";
            }
        };
        try (var server = new RpcServer(new Listener(address, KEY), Counter.class, counter)) {
            Thread.ofPlatform().start(server::serve);
            Counter remote = RpcClient.connect(Counter.class, address, KEY);
            assertThat(remote.hello("Ada")).isEqualTo("Hello, Ada!");
            assertThat(remote.increment()).isEqualTo(1);
            assertThat(remote.add(41)).isEqualTo(42);
            assertThat(counter.get()).as("the server's own counter").isEqualTo(42);
            assertThatThrownBy(() -> remote.hello("")).isInstanceOf(RemoteException.class).hasMessage("who are you?");
        }
    }
}
