package ipclab.sockets;

import java.io.UncheckedIOException;
import java.net.SocketAddress;

/**
 * The client side of Python's {@code multiprocessing.connection}: {@code Client(address, authkey)}.
 *
 * <pre>{@code
 * try (Connection conn = Client.connect(Address.parse("unix:/tmp/msg.sock"), key)) {
 *     conn.sendBytes("close".getBytes(UTF_8));
 * }
 * }</pre>
 *
 * You write this class (Part B, step 3).
 */
public final class Client {
    private Client() {
    }

    /**
     * Connects and, with an authkey, answers the listener's challenge, then challenges it.
     *
     * @throws UncheckedIOException    nobody listens at the address
     * @throws AuthenticationException either side failed the handshake (the connection is closed)
     */
    public static Connection connect(SocketAddress address, byte[] authkey) {
        throw new UnsupportedOperationException("TODO: Client.connect");
    }
}
