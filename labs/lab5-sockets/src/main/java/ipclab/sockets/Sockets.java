package ipclab.sockets;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import ipclab.ipc.Cli;

/**
 * Opening the two ends of a stream socket, the way every server and client of this lab does:
 * a server socket bound to a {@code unix:} path or to {@code 127.0.0.1}, and a client socket
 * connected to one. You write this class (Part A, step 2).
 *
 * <pre>{@code
 * try (var server = Sockets.listen(Address.parse("unix:/tmp/kv.sock"))) {  // removes the file when closed
 *     SocketChannel client = server.channel().accept();
 * }
 * SocketChannel ch = Sockets.connect(Address.parse("tcp:127.0.0.1:41237"));
 * }</pre>
 *
 * A UNIX socket is a file: {@code bind} creates it and nobody removes it but us. A file left at
 * the path by a server that died is <em>stale</em> (connecting to it is refused): it is
 * replaced. A file with a live server behind it is an error.
 */
final class Sockets {
    private Sockets() {
    }

    /** A bound, listening server socket and its real address; closing it removes the socket file it created. */
    record Bound(ServerSocketChannel channel, SocketAddress address) implements AutoCloseable {
        @Override
        public void close() {
            throw new UnsupportedOperationException("TODO: Sockets.Bound.close: close the channel, then remove the socket file");
        }
    }

    /**
     * Binds a server socket to the address: a UNIX socket file (a stale one is replaced), or TCP
     * on the loopback address only (port 0: a free port the kernel picks).
     *
     * @throws Cli.Failure        {@code address in use: <address>} when a live server is there
     * @throws Cli.UsageException for a TCP address that is not a loopback address
     */
    static Bound listen(SocketAddress address) throws IOException {
        throw new UnsupportedOperationException("TODO: Sockets.listen: open a ServerSocketChannel of the right family and bind it");
    }

    /** Removes the socket file of a UNIX address (nothing for TCP). */
    static void removeSocketFile(SocketAddress address) {
        throw new UnsupportedOperationException("TODO: Sockets.removeSocketFile");
    }

    /** A connected client socket; no server there: {@code error: cannot connect to <address>} (a Cli.Failure). */
    static SocketChannel connect(SocketAddress address) {
        throw new UnsupportedOperationException("TODO: Sockets.connect: SocketChannel.open(address)");
    }
}
