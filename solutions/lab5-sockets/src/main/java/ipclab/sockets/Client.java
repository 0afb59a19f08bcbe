package ipclab.sockets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;

/**
 * The client side of Python's {@code multiprocessing.connection}: {@code Client(address, authkey)}.
 *
 * <pre>{@code
 * try (Connection conn = Client.connect(Address.parse("unix:/tmp/msg.sock"), key)) {
 *     conn.sendBytes("close".getBytes(UTF_8));
 * }
 * }</pre>
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
        if (authkey != null) Handshake.warmUp();
        SocketChannel channel;
        try {
            channel = SocketChannel.open(address);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + address + ": " + e.getMessage(), e);
        }
        var conn = new Connection(channel);
        if (authkey != null) {
            Handshake.within5s(conn, () -> {
                Handshake.answer(conn, authkey);
                Handshake.deliver(conn, authkey, false);
            });
        }
        return conn;
    }
}
