package ipclab.sockets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;

/**
 * The server side of Python's {@code multiprocessing.connection.Listener}: a socket that
 * accepts connections and, when it has an authkey, authenticates each one before handing it out.
 *
 * <pre>{@code
 * try (var listener = new Listener(Address.parse("tcp:127.0.0.1:6000"), "secret password".getBytes())) {
 *     try (Connection conn = listener.accept()) {           // waits; then the handshake
 *         System.out.println("connection accepted from " + Address.format(listener.lastAccepted()));
 *         byte[] message = conn.recvBytes();
 *     }
 * }
 * }</pre>
 *
 * It challenges in CPython 3.12's form ({@code {sha256}}) unless built for legacy peers with
 * {@link #Listener(SocketAddress, byte[], boolean)}; a UNIX socket file it created is removed by
 * {@link #close()}.
 */
public final class Listener implements AutoCloseable {
    private final Sockets.Bound bound;
    private final byte[] authkey;
    private final boolean legacy;
    private volatile SocketAddress lastAccepted;

    /** Listens at the address ({@code UnixDomainSocketAddress} or {@code InetSocketAddress}); authkey null: no handshake. */
    public Listener(SocketAddress address, byte[] authkey) {
        this(address, authkey, false);
    }

    /** As above; {@code legacyChallenge}: challenge as Python 3.11 and before do (20 bytes, HMAC-MD5). */
    public Listener(SocketAddress address, byte[] authkey, boolean legacyChallenge) {
        try {
            this.bound = Sockets.listen(address);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        this.authkey = authkey == null ? null : authkey.clone();
        this.legacy = legacyChallenge;
        if (authkey != null) Handshake.warmUp();
    }

    /**
     * Waits for a connection and, with an authkey, runs the handshake: challenges the client,
     * then answers its challenge (at most 5 s in all).
     *
     * @throws AuthenticationException the client failed (the connection is closed; the listener goes on)
     */
    public Connection accept() {
        Connection conn;
        try {
            var channel = bound.channel().accept();
            lastAccepted = channel.getRemoteAddress();
            conn = new Connection(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("accept failed: " + e.getMessage(), e);
        }
        if (authkey != null) {
            Handshake.within5s(conn, () -> {
                Handshake.deliver(conn, authkey, legacy);
                Handshake.answer(conn, authkey);
            });
        }
        return conn;
    }

    /** The address it listens on (with the real port when it was given port 0). */
    public SocketAddress address() {
        return bound.address();
    }

    /** The peer of the last accepted connection (for a UNIX socket usually an empty path), or null. */
    public SocketAddress lastAccepted() {
        return lastAccepted;
    }

    /** Stops listening and removes the socket file it created. */
    @Override
    public void close() {
        bound.close();
    }
}
