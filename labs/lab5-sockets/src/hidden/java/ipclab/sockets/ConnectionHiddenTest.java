package ipclab.sockets;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.instruction.InvokeInstruction;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
import static org.assertj.core.api.Assertions.catchThrowable;

/** Part B in this JVM: Connection's framing, Listener and Client, and the handshake on the wire. */
@LabTest
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("Part B: connections and the handshake")
class ConnectionHiddenTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] KEY = "secret password".getBytes(StandardCharsets.US_ASCII);

    private static SocketAddress unix(Lab lab) {
        return Address.parse(Servers.unixAddress(lab, "conn"));
    }

    /** Accepts on another thread, so that the test can play the client. */
    private static CompletableFuture<Connection> acceptLater(Listener listener) {
        return Async.supply(listener::accept);
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(Timing.scaled(WAIT).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            throw e;
        }
    }

    @Test
    @Points(2)
    @DisplayName("a message is a 4-byte big-endian length and its bytes, both ways, whole however it arrives")
    void framingIsPythons(Lab lab) throws Exception {
        try (var listener = new Listener(unix(lab), null)) {
            var accepted = acceptLater(listener);
            try (var peer = Peer.connect(listener.address()); var conn = get(accepted)) {
                conn.sendBytes("hey".getBytes(StandardCharsets.US_ASCII));
                conn.sendBytes(new byte[0]);
                assertThat(peer.read(7, WAIT, "hey")).containsExactly(0, 0, 0, 3, 'h', 'e', 'y');
                assertThat(peer.read(4, WAIT, "the empty message")).containsExactly(0, 0, 0, 0);
                byte[] big = new byte[3_000_000];
                Arrays.fill(big, (byte) 'b');
                big[big.length - 1] = 'e';
                byte[] frames = Hmac.concat(Peer.pyFrame("é".getBytes(StandardCharsets.UTF_8)), Peer.pyFrame(new byte[0]));
                peer.write(Arrays.copyOf(frames, 3)).write(Arrays.copyOfRange(frames, 3, frames.length));
                var sending = Async.run(() -> peer.sendBytes(big));
                assertThat(new String(conn.recvBytes(), StandardCharsets.UTF_8)).isEqualTo("é");
                assertThat(conn.recvBytes()).isEmpty();
                assertThat(Arrays.equals(conn.recvBytes(), big)).as("a 3 MB message arrives whole").isTrue();
                get(sending);
            }
        }
    }

    @Test
    @Points(1)
    @DisplayName("the end of the stream: between messages an UncheckedIOException caused by EOFException; inside one an UncheckedIOException")
    @SuppressWarnings("try")  // the peer closes its end in the middle, as a peer that leaves does
    void endOfStream(Lab lab) throws Exception {
        try (var listener = new Listener(unix(lab), null)) {
            var accepted = acceptLater(listener);
            try (var peer = Peer.connect(listener.address()); var conn = get(accepted)) {
                peer.sendBytes("last".getBytes(StandardCharsets.US_ASCII));
                peer.close();
                assertThat(conn.recvBytes()).asString().isEqualTo("last");
                assertThatThrownBy(conn::recvBytes).isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(EOFException.class);
            }
            var again = acceptLater(listener);
            try (var peer = Peer.connect(listener.address()); var conn = get(again)) {
                peer.write(new byte[] {0, 0, 0, 10, 'h', 'a'});
                peer.close();
                assertThatThrownBy(conn::recvBytes).isInstanceOf(UncheckedIOException.class);
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("a header announcing more than 64 MiB (2 GiB, or -1 and 2^40) is refused at once, without reading a body")
    void oversizedMessagesAreRefused(Lab lab) throws Exception {
        var headers = List.of(
                ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array(),
                ByteBuffer.allocate(4).putInt((64 << 20) + 1).array(),
                ByteBuffer.allocate(12).putInt(-1).putLong(1L << 40).array(),
                ByteBuffer.allocate(4).putInt(-7).array());
        try (var listener = new Listener(unix(lab), null)) {
            for (byte[] header : headers) {
                var accepted = acceptLater(listener);
                try (var peer = Peer.connect(listener.address()); var conn = get(accepted)) {
                    peer.write(header);  // and no body: a receiver that tries to read it waits forever
                    var received = Async.supply(conn::recvBytes);
                    Throwable thrown = catchThrowable(() -> get(received));
                    assertThat(thrown).as("recvBytes after the header %s", Arrays.toString(header))
                            .isInstanceOf(UncheckedIOException.class);
                }
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("Listener and Client with the same key: both handshakes pass, messages go both ways, over UNIX and TCP")
    void sameKeyConnects(Lab lab) throws Exception {
        for (SocketAddress address : List.of(unix(lab), new InetSocketAddress("127.0.0.1", 0))) {
            try (var listener = new Listener(address, KEY)) {
                var accepted = acceptLater(listener);
                try (var client = Client.connect(listener.address(), KEY); var server = get(accepted)) {
                    client.sendBytes("ping".getBytes(StandardCharsets.US_ASCII));
                    assertThat(server.recvBytes()).asString().isEqualTo("ping");
                    server.sendBytes("pong".getBytes(StandardCharsets.US_ASCII));
                    assertThat(client.recvBytes()).asString().isEqualTo("pong");
                }
                if (address instanceof InetSocketAddress) {
                    var bound = (InetSocketAddress) listener.address();
                    assertThat(bound.getPort()).as("the real port of a listener given port 0").isPositive();
                    assertThat(listener.lastAccepted()).isInstanceOf(InetSocketAddress.class);
                    assertThat(((InetSocketAddress) listener.lastAccepted()).getAddress().getHostAddress()).isEqualTo("127.0.0.1");
                }
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("a wrong key: both sides throw AuthenticationException, the connection is closed, the listener goes on")
    void wrongKeyIsRefusedOnBothSides(Lab lab) throws Exception {
        try (var listener = new Listener(unix(lab), KEY)) {
            var accepted = acceptLater(listener);
            assertThatThrownBy(() -> Client.connect(listener.address(), "wrong".getBytes(StandardCharsets.US_ASCII)))
                    .as("Client.connect with a wrong key").isInstanceOf(AuthenticationException.class);
            assertThat(catchThrowable(() -> get(accepted))).as("Listener.accept of a client with a wrong key")
                    .isInstanceOf(AuthenticationException.class);
            var again = acceptLater(listener);
            try (var client = Client.connect(listener.address(), KEY); var server = get(again)) {
                client.sendBytes("after".getBytes(StandardCharsets.US_ASCII));
                assertThat(server.recvBytes()).asString().isEqualTo("after");
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("on the wire, the listener challenges in the {sha256} form and answers a legacy challenge with raw HMAC-MD5")
    @SuppressWarnings("try")  // the peer closes its end in the middle, as a peer that leaves does
    void listenerSpeaksBothForms(Lab lab) throws Exception {
        try (var listener = new Listener(unix(lab), KEY)) {
            var accepted = acceptLater(listener);
            try (var peer = Peer.connect(listener.address())) {
                byte[] challenge = peer.recvBytes(WAIT);
                assertThat(new String(challenge, StandardCharsets.ISO_8859_1)).startsWith("#CHALLENGE#{sha256}");
                byte[] message = Hmac.afterChallenge(challenge);
                assertThat(message.length - "{sha256}".length()).as("random bytes after {sha256}").isGreaterThanOrEqualTo(20);
                peer.sendBytes(Hmac.concat(Hmac.ascii("{sha256}"), Hmac.of("HmacSHA256", KEY, message)));
                assertThat(peer.recvBytes(WAIT)).as("the verdict on a right {sha256} answer").asString().isEqualTo("#WELCOME#");
                byte[] legacy = "twenty random bytes!".getBytes(StandardCharsets.US_ASCII);
                peer.sendBytes(Hmac.concat(Hmac.CHALLENGE, legacy));
                assertThat(peer.recvBytes(WAIT)).as("the answer to a legacy 20-byte challenge")
                        .containsExactly(Hmac.of("HmacMD5", KEY, legacy));
                peer.sendBytes(Hmac.WELCOME);
                try (var conn = get(accepted)) {
                    peer.sendBytes("now".getBytes(StandardCharsets.US_ASCII));
                    assertThat(conn.recvBytes()).asString().isEqualTo("now");
                }
            }
        }
        try (var legacyListener = new Listener(unix(lab), KEY, true)) {
            var accepted = acceptLater(legacyListener);
            try (var peer = Peer.connect(legacyListener.address())) {
                byte[] message = Hmac.afterChallenge(peer.recvBytes(WAIT));
                assertThat(message).as("a legacy listener's challenge: 20 random bytes").hasSize(20);
                peer.sendBytes(Hmac.of("HmacMD5", KEY, message));
                assertThat(peer.recvBytes(WAIT)).asString().isEqualTo("#WELCOME#");
                peer.close();
                assertThat(catchThrowable(() -> get(accepted))).isNotNull();
            }
        }
    }

    @Test
    @Points(1)
    @DisplayName("Client answers a {sha256} challenge with {sha256} and an HMAC-SHA256, and challenges in the {sha256} form")
    @SuppressWarnings("try")  // the raw side only has to be closed at the end
    void clientSpeaksTheCurrentForm(Lab lab) throws Exception {
        try (var listener = new Listener(unix(lab), null)) {
            var accepted = acceptLater(listener);
            var connecting = Async.supply(() -> Client.connect(listener.address(), KEY));
            try (var raw = get(accepted); var peer = new RawSide(raw)) {
                byte[] message = Hmac.ascii("{sha256}forty random bytes, or so it says here");
                raw.sendBytes(Hmac.concat(Hmac.CHALLENGE, message));
                assertThat(raw.recvBytes()).as("the client's answer")
                        .containsExactly(Hmac.concat(Hmac.ascii("{sha256}"), Hmac.of("HmacSHA256", KEY, message)));
                raw.sendBytes(Hmac.WELCOME);
                byte[] theirs = Hmac.afterChallenge(raw.recvBytes());
                assertThat(new String(theirs, StandardCharsets.ISO_8859_1)).as("the client's challenge").startsWith("{sha256}");
                raw.sendBytes(Hmac.concat(Hmac.ascii("{sha256}"), Hmac.of("HmacSHA256", KEY, theirs)));
                assertThat(raw.recvBytes()).asString().isEqualTo("#WELCOME#");
                try (var client = get(connecting)) {
                    client.sendBytes("in".getBytes(StandardCharsets.US_ASCII));
                    assertThat(raw.recvBytes()).asString().isEqualTo("in");
                }
            }
        }
    }

    /** Lets a Connection the test accepted without a key be closed with the others. */
    private record RawSide(Connection conn) implements AutoCloseable {
        @Override
        public void close() {
            conn.close();
        }
    }

    @Test
    @Points(2)
    @DisplayName("a peer that connects and never answers the challenge is dropped after 5 s, and accept throws")
    void silentPeerIsDropped(Lab lab) throws Exception {
        try (var listener = new Listener(unix(lab), KEY)) {
            var accepted = acceptLater(listener);
            try (var silent = Peer.connect(listener.address())) {
                silent.recvBytes(WAIT);  // the challenge: from here the listener waits for us
                long sawChallenge = System.nanoTime();
                assertThat(silent.closedWithin(Duration.ofSeconds(20))).as("the listener closed the silent connection").isTrue();
                double waited = (System.nanoTime() - sawChallenge) / 1e9;
                assertThat(waited).as("seconds from the challenge to the drop")
                        .isLessThan(Timing.scaled(Duration.ofSeconds(20)).toMillis() / 1e3);
                assertThat(catchThrowable(() -> get(accepted))).as("accept of a silent peer").isInstanceOf(AuthenticationException.class);
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("no application data passes before both challenges succeeded: data in place of an answer or a challenge is refused")
    void noDataBeforeTheHandshakeEnds(Lab lab) throws Exception {
        try (var listener = new Listener(unix(lab), KEY)) {
            var accepted = acceptLater(listener);
            try (var peer = Peer.connect(listener.address())) {
                peer.recvBytes(WAIT);
                peer.sendBytes("hello, let me in".getBytes(StandardCharsets.US_ASCII));
                assertThat(catchThrowable(() -> get(accepted))).as("accept, when data came in place of the answer")
                        .isInstanceOf(AuthenticationException.class);
                assertThat(peer.closedWithin(WAIT)).isTrue();
            }
            var again = acceptLater(listener);
            try (var peer = Peer.connect(listener.address())) {
                byte[] message = Hmac.afterChallenge(peer.recvBytes(WAIT));
                peer.sendBytes(Hmac.concat(Hmac.ascii("{sha256}"), Hmac.of("HmacSHA256", KEY, message)));
                assertThat(peer.recvBytes(WAIT)).asString().isEqualTo("#WELCOME#");
                peer.sendBytes("sneaky data instead of a challenge".getBytes(StandardCharsets.US_ASCII));
                assertThat(catchThrowable(() -> get(again))).as("accept, when data came in place of the client's challenge")
                        .isInstanceOf(AuthenticationException.class);
                assertThat(peer.closedWithin(WAIT)).isTrue();
            }
            var last = acceptLater(listener);
            try (var peer = Peer.connect(listener.address())) {
                byte[] message = Hmac.afterChallenge(peer.recvBytes(WAIT));
                peer.sendBytes(Hmac.concat(Hmac.ascii("{sha256}"), Hmac.of("HmacSHA256", KEY, message)));
                assertThat(peer.recvBytes(WAIT)).asString().isEqualTo("#WELCOME#");
                peer.sendBytes(Hmac.concat(Hmac.CHALLENGE, Hmac.ascii("{sha256}forty random bytes, or so it says here")));
                peer.recvBytes(WAIT);  // the listener's answer
                peer.sendBytes("data in place of the verdict".getBytes(StandardCharsets.US_ASCII));
                assertThat(catchThrowable(() -> get(last))).as("accept, when data came in place of #WELCOME# (the last step)")
                        .isInstanceOf(AuthenticationException.class);
            }
        }
    }

    @Test
    @Points(1)
    @DisplayName("digests are compared in constant time, with MessageDigest.isEqual (as the handout asks)")
    void digestsAreComparedInConstantTime() throws Exception {
        Path classes = Path.of(Listener.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        boolean found = false;
        try (var jar = Files.isDirectory(classes) ? null : FileSystems.newFileSystem(classes)) {
            Path pkg = (jar == null ? classes : jar.getPath("/")).resolve("ipclab/sockets");
            try (Stream<Path> files = Files.list(pkg)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    var model = ClassFile.of().parse(Files.readAllBytes(file));
                    found |= model.methods().stream().flatMap(m -> m.code().stream()).flatMap(c -> c.elementStream())
                            .anyMatch(e -> e instanceof InvokeInstruction call
                                    && call.owner().asInternalName().equals("java/security/MessageDigest")
                                    && call.name().equalsString("isEqual"));
                }
            }
        }
        assertThat(found).as("a call of MessageDigest.isEqual in the classes of ipclab.sockets").isTrue();
    }

    @Test
    @Points(1)
    @DisplayName("Listener.close removes the socket file it created")
    void closeRemovesTheSocketFile(Lab lab) {
        var address = (UnixDomainSocketAddress) unix(lab);
        var listener = new Listener(address, KEY);
        assertThat(Servers.isSocketFile(address.getPath())).isTrue();
        listener.close();
        assertThat(address.getPath()).doesNotExist();
    }
}
