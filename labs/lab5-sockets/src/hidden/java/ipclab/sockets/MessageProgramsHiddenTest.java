package ipclab.sockets;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;

import static ipclab.sockets.Servers.EXIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Part B's programs: MessageServer and MessageClient, the course's Listener/Client pair. */
@LabTest
@DisplayName("Part B: MessageServer and MessageClient")
class MessageProgramsHiddenTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    @Points(2)
    @DisplayName("the server prints each connection and each message; close connection and close server do what they say")
    void messagesAndCommands(Lab lab) {
        String key = Servers.keyFile(lab, "secret password");
        String address = Servers.unixAddress(lab, "msg");
        var server = Servers.start(lab, MessageServer.class, address, "--authkey-file", key);
        var first = lab.program(MessageClient.class).args(address, "--authkey-file", key, "hello", "wörld with spaces", "close connection")
                .run(EXIT);
        assertThat(first.status()).as("MessageClient's exit status; stderr: " + first.stderr()).isZero();
        server.program().awaitStdoutLine("close connection", WAIT);
        var second = lab.program(MessageClient.class).args(address, "--authkey-file", key, "again", "close server").run(EXIT);
        assertThat(second.status()).as("stderr: " + second.stderr()).isZero();
        assertThat(server.program().awaitExit(EXIT)).as("the server after close server" + server.program().context()).isZero();
        assertThat(server.program().stdoutLines()).containsExactly("listening on " + address,
                "connection accepted from unix:", "hello", "wörld with spaces", "close connection",
                "connection accepted from unix:", "again", "close server");
        assertThat(Servers.socketFile(address)).as("the socket file after close server").doesNotExist();
    }

    @Test
    @Points(2)
    @DisplayName("a client with the wrong key fails with error: authentication failed; the server says so on stderr and goes on")
    void wrongKeyIsRefused(Lab lab) {
        String key = Servers.keyFile(lab, "secret password");
        String wrong = Servers.keyFile(lab, "secret passwore");
        var server = Servers.start(lab, MessageServer.class, "tcp:127.0.0.1:0", "--authkey-file", key);
        var refused = lab.program(MessageClient.class).args(server.printed(), "--authkey-file", wrong, "let me in").run(EXIT);
        assertThat(refused.status()).as("exit status with a wrong key; stderr: " + refused.stderr()).isEqualTo(1);
        assertThat(refused.stderrLines()).first().asString().isEqualTo("error: authentication failed");
        server.program().awaitStderrLine(l -> l.startsWith("error: authentication failed for tcp:127.0.0.1:"), WAIT);
        var good = lab.program(MessageClient.class).args(server.printed(), "--authkey-file", key, "I am", "close server").run(EXIT);
        assertThat(good.status()).as("stderr: " + good.stderr()).isZero();
        assertThat(server.program().awaitExit(EXIT)).isZero();
        assertThat(server.program().stdoutLines()).as("nothing of the refused client on stdout").hasSize(4)
                .contains("I am", "close server").noneMatch(l -> l.contains("let me in"));
        assertThat(server.program().stdoutLines().get(1)).startsWith("connection accepted from tcp:127.0.0.1:");
    }

    @Test
    @Points(2)
    @DisplayName("a peer that connects and never answers is dropped after 5 s, and the next client is served")
    void silentPeerIsDroppedAndTheNextServed(Lab lab) {
        String key = Servers.keyFile(lab, "k");
        String address = Servers.unixAddress(lab, "msg");
        var server = Servers.start(lab, MessageServer.class, address, "--authkey-file", key);
        try (var silent = Peer.connect(server.address())) {
            silent.recvBytes(WAIT);  // the challenge: the server is busy with us from here
            var next = lab.program(MessageClient.class).args(address, "--authkey-file", key, "after the silent one").start();
            assertThat(silent.closedWithin(Duration.ofSeconds(20))).as("the server dropped the silent peer").isTrue();
            server.program().awaitStdoutLine("after the silent one", WAIT);
            assertThat(next.awaitExit(EXIT)).isZero();
        }
        assertThat(server.program().isAlive()).isTrue();
    }

    @Test
    @Points(1)
    @DisplayName("no server: error: cannot connect to <address>, exit status 1")
    void noServer(Lab lab) {
        String address = Servers.unixAddress(lab, "none");
        var run = lab.program(MessageClient.class).args(address, "--authkey-file", Servers.keyFile(lab, "k"), "hi").run(EXIT);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderrLines()).first().asString().isEqualTo("error: cannot connect to " + address);
    }

    @Test
    @Points(1)
    @DisplayName("a missing key file, no --authkey-file, or a bad address: exit status 2")
    void badArguments(Lab lab) {
        String address = Servers.unixAddress(lab, "msg");
        String missing = lab.tempDir().resolve("no-such-key").toString();
        Servers.assertRefusedAsBadArguments(lab, MessageClient.class, List.of(address, "--authkey-file", missing, "hi"));
        Servers.assertRefusedAsBadArguments(lab, MessageServer.class, List.of(address, "--authkey-file", missing));
        Servers.assertRefusedAsBadArguments(lab, MessageServer.class, List.of(address));
        Servers.assertRefusedAsBadArguments(lab, MessageClient.class, List.of("nowhere", "--authkey-file", Servers.keyFile(lab, "k")));
        assertThat(Servers.socketFile(address)).doesNotExist();
    }
}
