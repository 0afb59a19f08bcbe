package ipclab.sockets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;

/**
 * The server side of Python's {@code multiprocessing.connection}: bound to a UNIX socket file or
 * to TCP on the loopback address; {@link #accept} returns a {@link Connection} whose peer passed
 * the mutual challenge (when there is a key).
 *
 * <pre>{@code
 * try (var listener = new Listener(UnixDomainSocketAddress.of("/tmp/msg.sock"), key)) {
 *     Connection conn = listener.accept();
 * }
 * }</pre>
 *
 * <p>It challenges in CPython 3.12's {@code {sha256}} form, or in the legacy 20-byte form when
 * built with {@code legacyChallenge} (for a Python 3.11 peer). {@link #close} removes the socket
 * file the listener created.
 */
public final class Listener implements AutoCloseable {
    private final Endpoint endpoint;
    private final byte[] authkey;
    private final boolean legacyChallenge;
    private volatile SocketAddress lastAccepted;

    /** A listener that challenges in the current form; {@code authkey} null: no handshake. */
    public Listener(SocketAddress address, byte[] authkey) {
        this(address, authkey, false);
    }

    /** A listener; {@code legacyChallenge}: challenge with 20 raw bytes, as Python 3.11 does. */
    public Listener(SocketAddress address, byte[] authkey, boolean legacyChallenge) {
        if (authkey != null) Challenge.warmUp();
        this.endpoint = Endpoint.bind(address);
        this.authkey = authkey == null ? null : authkey.clone();
        this.legacyChallenge = legacyChallenge;
    }

    /** The next connection, after the handshake; {@link AuthenticationException} if the peer fails it. */
    public Connection accept() {
        Connection conn;
        try {
            var channel = endpoint.server().accept();
            lastAccepted = channel.getRemoteAddress();
            conn = new Connection(channel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (authkey != null) Challenge.mutual(conn, authkey, true, legacyChallenge);
        return conn;
    }

    /** The address the listener is bound to (with the real port when it was given port 0). */
    public SocketAddress address() {
        return endpoint.local();
    }

    /** The peer address of the last accepted connection (an unnamed UNIX client: an empty path). */
    public SocketAddress lastAccepted() {
        return lastAccepted;
    }

    /** Stops listening and removes the socket file. */
    @Override
    public void close() {
        endpoint.close();
    }
}
