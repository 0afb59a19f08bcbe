package ipclab.sockets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import ipclab.ipc.Address;
import ipclab.ipc.Cli;

/**
 * Opening the two ends of a stream socket, the way every server and client of this lab does:
 * a server socket bound to a {@code unix:} path or to {@code 127.0.0.1}, and a client socket
 * connected to one.
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

    /** A bound, listening server socket; closing it removes the socket file it created. */
    record Bound(ServerSocketChannel channel, SocketAddress address) implements AutoCloseable {
        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing a listening socket does not fail in a way we could act on
            }
            removeSocketFile(address);
        }
    }

    /**
     * Binds a server socket to the address: a UNIX socket file (a stale one is replaced), or TCP
     * on the loopback address only (port 0: a free port the kernel picks).
     *
     * @throws Cli.Failure       {@code address in use: <address>} when a live server is there
     * @throws Cli.UsageException for a TCP address that is not a loopback address
     */
    static Bound listen(SocketAddress address) throws IOException {
        return switch (address) {
            case UnixDomainSocketAddress unix -> {
                removeIfStale(unix);
                var channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    channel.bind(unix);
                } catch (BindException e) {
                    channel.close();
                    throw new Cli.Failure("address in use: " + Address.format(unix));
                }
                yield new Bound(channel, unix);
            }
            case InetSocketAddress inet -> {
                if (!Address.isLocal(inet)) {
                    throw new Cli.UsageException("error: a server listens on 127.0.0.1 only, not on " + Address.format(inet));
                }
                var channel = ServerSocketChannel.open(StandardProtocolFamily.INET);
                try {
                    channel.bind(inet);
                } catch (BindException e) {
                    channel.close();
                    throw new Cli.Failure("address in use: " + Address.format(inet));
                }
                yield new Bound(channel, channel.getLocalAddress());
            }
            default -> throw new IllegalArgumentException("not a unix: or tcp: address: " + address);
        };
    }

    /** Removes a socket file at the path if no server answers there; fails if one does. */
    private static void removeIfStale(UnixDomainSocketAddress unix) throws IOException {
        Path path = unix.getPath();
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return;
        var attributes = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isOther()) throw new Cli.Failure("address in use: " + Address.format(unix) + " is not a socket file");
        try {
            SocketChannel.open(unix).close();
        } catch (IOException refused) {
            Files.deleteIfExists(path);  // nobody listens: a dead server's leftover
            return;
        }
        throw new Cli.Failure("address in use: " + Address.format(unix));
    }

    /** Removes the socket file of a UNIX address (nothing for TCP). */
    static void removeSocketFile(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress unix) {
            try {
                Files.deleteIfExists(unix.getPath());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the socket file " + unix.getPath(), e);
            }
        }
    }

    /** A connected client socket; no server there: {@code error: cannot connect to <address>}. */
    static SocketChannel connect(SocketAddress address) {
        try {
            return SocketChannel.open(address);
        } catch (IOException e) {
            throw new Cli.Failure("cannot connect to " + Address.format(address));
        }
    }
}
