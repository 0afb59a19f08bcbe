package ipclab.sockets;

import java.net.SocketAddress;

/**
 * The client side of Python's {@code multiprocessing.connection}: {@code Client(address, authkey)}.
 *
 * <pre>{@code
 * try (Connection conn = Client.connect(UnixDomainSocketAddress.of("/tmp/msg.sock"), key)) {
 *     conn.sendBytes(...);
 * }
 * }</pre>
 */
public final class Client {
    private Client() {
    }

    /**
     * Connects and, with a key, answers the listener's challenge and then challenges it.
     *
     * @throws java.io.UncheckedIOException nothing listens at the address
     * @throws AuthenticationException      the handshake failed (the connection is closed)
     */
    public static Connection connect(SocketAddress address, byte[] authkey) {
        if (authkey != null) Challenge.warmUp();
        var conn = new Connection(Endpoint.dial(address));
        if (authkey != null) Challenge.mutual(conn, authkey, false, false);
        return conn;
    }
}
