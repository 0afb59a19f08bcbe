package ipclab.sockets;

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
 * {@link #close()}. You write this class (Part B, step 3).
 */
public final class Listener implements AutoCloseable {

    /** Listens at the address ({@code UnixDomainSocketAddress} or {@code InetSocketAddress}); authkey null: no handshake. */
    public Listener(SocketAddress address, byte[] authkey) {
        this(address, authkey, false);
    }

    /** As above; {@code legacyChallenge}: challenge as Python 3.11 and before do (20 bytes, HMAC-MD5). */
    public Listener(SocketAddress address, byte[] authkey, boolean legacyChallenge) {
        throw new UnsupportedOperationException("TODO: Listener: bind with Sockets.listen, keep the key");
    }

    /**
     * Waits for a connection and, with an authkey, runs the handshake: challenges the client,
     * then answers its challenge (at most 5 s in all).
     *
     * @throws AuthenticationException the client failed (the connection is closed; the listener goes on)
     */
    public Connection accept() {
        throw new UnsupportedOperationException("TODO: Listener.accept");
    }

    /** The address it listens on (with the real port when it was given port 0). */
    public SocketAddress address() {
        throw new UnsupportedOperationException("TODO: Listener.address");
    }

    /** The peer of the last accepted connection (for a UNIX socket usually an empty path), or null. */
    public SocketAddress lastAccepted() {
        throw new UnsupportedOperationException("TODO: Listener.lastAccepted");
    }

    /** Stops listening and removes the socket file it created. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO: Listener.close");
    }
}
