package ipclab.sockets;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;

import static ipclab.sockets.Servers.EXIT;
import static ipclab.sockets.Servers.REPLY;
import static org.assertj.core.api.Assertions.assertThat;

/** Part A: KvServer and KvClient as programs, spoken to in frames by the test itself. */
@LabTest
@DisplayName("Part A: the key-value server")
class KvServerHiddenTest {

    @Test
    @Points(3)
    @DisplayName("every request gets the reply the handout gives, and QUIT and SHUTDOWN end as they should")
    void repliesAsTheHandoutSays(Lab lab) {
        String address = Servers.unixAddress(lab, "kv");
        var server = Servers.start(lab, KvServer.class, address);
        assertThat(server.printed()).isEqualTo(address);
        String key256 = "k".repeat(254) + "é";
        try (var peer = Peer.connect(server.address()); var other = Peer.connect(server.address())) {
            var replies = new ArrayList<String>();
            for (String request : List.of("PUT colour dark blue", "GET colour", "PUT empty ", "GET empty", "GET nothing",
                    "PUT colour  two  spaces ", "GET colour", "DEL colour", "DEL colour", "GET colour",
                    "PUT b 2", "PUT a 1", "PUT " + key256 + " long", "GET " + key256, "KEYS")) {
                replies.add(peer.request(request, REPLY));
            }
            assertThat(replies).containsExactly("OK", "VALUE dark blue", "OK", "VALUE ", "NOT_FOUND",
                    "OK", "VALUE  two  spaces ", "OK", "NOT_FOUND", "NOT_FOUND",
                    "OK", "OK", "OK", "VALUE long", "KEYS a b empty " + key256);
            for (String bad : List.of("", "PUT", "PUT novalue", "GET", "GET a b", "DEL", "put a b", "HELLO",
                    "PUT " + "k".repeat(257) + " v", "GET " + "k".repeat(255) + "é", "KEYS now", "PUT  v")) {
                assertThat(peer.request(bad, REPLY)).as("the reply to '%s'", bad).startsWith("ERROR ");
            }
            assertThat(peer.request("GET a", REPLY)).as("after errors the connection still works").isEqualTo("VALUE 1");
            assertThat(other.request("GET b", REPLY)).as("a second client sees the same store").isEqualTo("VALUE 2");
            assertThat(peer.request("QUIT", REPLY)).isEqualTo("BYE");
            assertThat(peer.closedWithin(REPLY)).as("the server closes the connection after QUIT's BYE").isTrue();
            assertThat(other.request("SHUTDOWN", REPLY)).isEqualTo("BYE");
            assertThat(other.closedWithin(REPLY)).as("the server closes the connection after SHUTDOWN's BYE").isTrue();
        }
        assertThat(server.program().awaitExit(EXIT)).as("exit status after SHUTDOWN" + server.program().context()).isZero();
        assertThat(server.program().stdoutLines()).containsExactly("listening on " + address, "server stopped");
        assertThat(Servers.socketFile(address)).as("the socket file after SHUTDOWN").doesNotExist();
    }

    @Test
    @Points(2)
    @DisplayName("a header announcing more than 1 MiB (even 2 GiB) gets ERROR frame too large and the connection is closed, at once")
    void oversizedFramesAreRefusedUnread(Lab lab) {
        var server = Servers.start(lab, KvServer.class, Servers.unixAddress(lab, "kv"));
        for (long announced : List.of(0x8000_0000L, (1L << 20) + 1, 0xFFFF_FFFFL)) {
            try (var hostile = Peer.connect(server.address())) {
                hostile.write(ByteBuffer.allocate(4).putInt((int) announced).array());
                assertThat(hostile.receive(REPLY)).as("the reply to a header announcing %d bytes (no body sent)", announced)
                        .isEqualTo("ERROR frame too large");
                assertThat(hostile.closedWithin(REPLY)).as("the connection is closed after it").isTrue();
            }
        }
        try (var peer = Peer.connect(server.address())) {
            assertThat(peer.request("PUT still alive", REPLY)).as("another client afterwards").isEqualTo("OK");
        }
    }

    @Test
    @Points(2)
    @DisplayName("a client that sends half a header and goes silent, or leaves mid-frame, or sends nothing, delays nobody")
    @SuppressWarnings("try")  // the idle client only holds its connection open; the leaver leaves mid-frame
    void silentAndBrokenClientsDelayNobody(Lab lab) {
        var server = Servers.start(lab, KvServer.class, Servers.unixAddress(lab, "kv"));
        try (var idle = Peer.connect(server.address());
                var half = Peer.connect(server.address());
                var leaver = Peer.connect(server.address());
                var good = Peer.connect(server.address())) {
            half.write(new byte[] {0, 0});
            leaver.write(new byte[] {0, 0, 0, 9, 'P', 'U'});
            leaver.close();
            assertThat(good.request("PUT k v", REPLY)).as("a client served while others are idle, half-way or gone").isEqualTo("OK");
            assertThat(good.request("GET k", REPLY)).isEqualTo("VALUE v");
            half.write(new byte[] {0, 5, 'G', 'E', 'T', ' ', 'k'});
            assertThat(half.receive(REPLY)).as("the half-sent request, once completed").isEqualTo("VALUE v");
            assertThat(idle.request("KEYS", REPLY)).isEqualTo("KEYS k");
        }
    }

    @Test
    @Points(2)
    @DisplayName("a flood of 300 open connections: the server keeps serving the others")
    void floodOfConnections(Lab lab) {
        var server = Servers.start(lab, KvServer.class, Servers.unixAddress(lab, "kv"));
        var flood = new ArrayList<Peer>();
        try (var good = Peer.connect(server.address())) {
            assertThat(good.request("PUT before flood", REPLY)).isEqualTo("OK");
            for (int i = 0; i < 300; i++) {
                var peer = Peer.connect(server.address());
                flood.add(peer);
                if (i % 2 == 0) peer.write(new byte[] {0});
            }
            assertThat(good.request("GET before", REPLY)).as("an earlier client, during the flood").isEqualTo("VALUE flood");
            try (var late = Peer.connect(server.address())) {
                assertThat(late.request("GET before", REPLY)).as("a client that came after the flood").isEqualTo("VALUE flood");
            }
            assertThat(flood.getLast().request("KEYS", REPLY)).as("the last of the flood").isEqualTo("KEYS before");
        } finally {
            flood.forEach(Peer::close);
        }
        try (var after = Peer.connect(server.address())) {
            assertThat(after.request("SHUTDOWN", REPLY)).isEqualTo("BYE");
        }
        assertThat(server.program().awaitExit(EXIT)).isZero();
    }

    @Test
    @Points(2)
    @DisplayName("eight clients putting 2,000 keys at once: none is lost")
    void concurrentUpdatesAreNotLost(Lab lab) throws Exception {
        var server = Servers.start(lab, KvServer.class, Servers.unixAddress(lab, "kv"));
        Set<String> expected = ConcurrentHashMap.newKeySet();
        var threads = new ArrayList<Thread>();
        var failures = new ConcurrentHashMap<Integer, Throwable>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().start(() -> {
                try (var peer = Peer.connect(server.address())) {
                    for (int i = 0; i < 250; i++) {
                        String key = "c" + client + "-" + i;
                        assertThat(peer.request("PUT " + key + " " + i, REPLY)).isEqualTo("OK");
                        expected.add(key);
                    }
                } catch (Throwable t) {
                    failures.put(client, t);
                }
            }));
        }
        for (Thread t : threads) t.join();
        assertThat(failures).as("clients that failed").isEmpty();
        try (var peer = Peer.connect(server.address())) {
            var keys = new TreeSet<>(List.of(peer.request("KEYS", REPLY).split(" ")));
            keys.remove("KEYS");
            assertThat(keys).as("the keys in the store").hasSize(2000).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    @Points(2)
    @DisplayName("tcp:127.0.0.1:0 takes a free port, prints it, and listens on 127.0.0.1 only")
    void tcpOnLoopbackOnly(Lab lab) throws Exception {
        var server = Servers.start(lab, KvServer.class, "tcp:127.0.0.1:0");
        assertThat(server.printed()).matches("tcp:127\\.0\\.0\\.1:[1-9][0-9]*");
        int port = Integer.parseInt(server.printed().substring(server.printed().lastIndexOf(':') + 1));
        var listening = ListeningSockets.onPort(port);
        assertThat(listening).as("the addresses listening on port %d (from /proc/net/tcp and tcp6)", port)
                .isNotEmpty().allMatch(a -> a.equals("127.0.0.1"), "is 127.0.0.1");
        var run = lab.program(KvClient.class).args(server.printed(), "PUT over tcp", "GET over").run(EXIT);
        assertThat(run.status()).as("KvClient over TCP; stderr: " + run.stderr()).isZero();
        assertThat(run.stdoutLines()).containsExactly("OK", "VALUE tcp");
    }

    @Test
    @Points(2)
    @DisplayName("SIGTERM and SIGINT: the server removes its socket file")
    void socketFileRemovedOnSignals(Lab lab) {
        for (String signal : List.of("TERM", "INT")) {
            String address = Servers.unixAddress(lab, "kv-" + signal);
            var server = Servers.start(lab, KvServer.class, address);
            assertThat(Servers.isSocketFile(Servers.socketFile(address))).as("a socket file at the path while it runs").isTrue();
            server.program().signal(signal);
            server.program().awaitExit(EXIT);
            assertThat(Servers.socketFile(address)).as("the socket file after SIG" + signal).doesNotExist();
        }
    }

    @Test
    @Points(2)
    @DisplayName("a stale socket file is replaced; a live server's address is refused with address in use")
    void staleReplacedLiveRefused(Lab lab) throws Exception {
        String address = Servers.unixAddress(lab, "kv");
        Path file = Servers.socketFile(address);
        try (var dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(file));  // closed below without removing the file: stale
        }
        assertThat(Servers.isSocketFile(file)).isTrue();
        var server = Servers.start(lab, KvServer.class, address);
        var second = lab.program(KvServer.class).args(address).run(EXIT);
        assertThat(second.status()).as("a second server at a live address; stderr: " + second.stderr()).isEqualTo(1);
        assertThat(second.stderrLines()).first().asString().isEqualTo("error: address in use: " + address);
        assertThat(second.stdout()).isEmpty();
        try (var peer = Peer.connect(server.address())) {
            assertThat(peer.request("PUT first alive", REPLY)).as("the first server, still serving").isEqualTo("OK");
        }
        assertThat(Servers.isSocketFile(file)).as("the first server's socket file is still there").isTrue();
    }

    @Test
    @Points(1)
    @DisplayName("KvClient prints each reply; without a server it says cannot connect")
    void kvClient(Lab lab) {
        String address = Servers.unixAddress(lab, "kv");
        var none = lab.program(KvClient.class).args(address, "KEYS").run(EXIT);
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.stderrLines()).first().asString().isEqualTo("error: cannot connect to " + address);
        var server = Servers.start(lab, KvServer.class, address);
        var run = lab.program(KvClient.class)
                .args(address, "PUT greeting hello world", "GET greeting", "GET nothing", "KEYS", "QUIT", "KEYS")
                .run(EXIT);
        assertThat(run.stdoutLines()).as("stderr: " + run.stderr()).startsWith("OK", "VALUE hello world", "NOT_FOUND", "KEYS greeting",
                "BYE");
        assertThat(run.status()).as("after QUIT the server closed: a request more is an error").isEqualTo(1);
        assertThat(run.stderrLines()).first().asString().startsWith("error: ");
        assertThat(server.program().isAlive()).isTrue();
    }

    @Test
    @Points(1)
    @DisplayName("bad arguments: exit status 2, a usage or error line, nothing on stdout")
    void badArguments(Lab lab) {
        Servers.assertRefusedAsBadArguments(lab, KvServer.class, List.of());
        Servers.assertRefusedAsBadArguments(lab, KvServer.class, List.of("localhost:80"));
        Servers.assertRefusedAsBadArguments(lab, KvServer.class, List.of("tcp:127.0.0.1:70000"));
        Servers.assertRefusedAsBadArguments(lab, KvClient.class, List.of(Servers.unixAddress(lab, "kv")));
    }
}
