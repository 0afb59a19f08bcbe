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
import java.nio.file.attribute.BasicFileAttributes;

import ipclab.ipc.Address;

/**
 * A server's listening socket (second solution's helper): bound to a UNIX socket file, which it
 * owns and removes when closed, or to TCP on the loopback address; and {@link #dial}, a client's
 * connection to a server.
 *
 * <pre>{@code
 * try (var endpoint = Endpoint.bind(Address.parse("unix:/tmp/kv.sock"))) {
 *     SocketChannel peer = endpoint.server().accept();
 * }
 * }</pre>
 *
 * <p>A socket file with nobody listening behind it (a server died) is stale and replaced; one
 * with a live server, or a path that is not a socket file, is {@link InUse}.
 */
record Endpoint(ServerSocketChannel server, SocketAddress local, Path ownedFile) implements AutoCloseable {

    /** The address is taken: {@code address in use: <address>}. */
    static final class InUse extends UncheckedIOException {
        InUse(String message) {
            super(message, new BindException(message));
        }
    }

    /** Nothing listens at the address: {@code cannot connect to <address>}. */
    static final class Unreachable extends UncheckedIOException {
        Unreachable(SocketAddress address, IOException cause) {
            super("cannot connect to " + Address.format(address), cause);
        }
    }

    /** Binds a listening socket at {@code address}: a UNIX path, or TCP on a loopback address (port 0: any free port). */
    static Endpoint bind(SocketAddress address) {
        try {
            if (address instanceof UnixDomainSocketAddress unix) {
                clearStale(unix);
                var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    server.bind(unix);
                } catch (BindException taken) {
                    server.close();
                    throw new InUse("address in use: " + Address.format(unix));
                }
                return new Endpoint(server, server.getLocalAddress(), unix.getPath());
            }
            var tcp = (InetSocketAddress) address;
            if (tcp.getAddress() == null || !tcp.getAddress().isLoopbackAddress()) {
                throw new IllegalArgumentException("a server listens on the loopback address only, not on " + Address.format(tcp));
            }
            var server = ServerSocketChannel.open(tcp.getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            try {
                server.bind(tcp);
            } catch (BindException taken) {
                server.close();
                throw new InUse("address in use: " + Address.format(tcp));
            }
            return new Endpoint(server, server.getLocalAddress(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a socket file nobody listens on; refuses a live one and anything that is not a socket. */
    private static void clearStale(UnixDomainSocketAddress unix) throws IOException {
        Path file = unix.getPath();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException free) {
            return;
        }
        if (!attributes.isOther()) throw new InUse("address in use: " + Address.format(unix) + " is not a socket file");
        try (var probe = SocketChannel.open(unix)) {
            throw new InUse("address in use: " + Address.format(unix));
        } catch (IOException nobodyThere) {
            Files.deleteIfExists(file);
        }
    }

    /** A connected client socket. */
    static SocketChannel dial(SocketAddress address) {
        try {
            return SocketChannel.open(address);
        } catch (IOException e) {
            throw new Unreachable(address, e);
        }
    }

    /** Closes the socket and removes the socket file it created (once; later calls do nothing harmful). */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // a listening socket that fails to close is closed all the same
        }
        if (ownedFile != null) {
            try {
                Files.deleteIfExists(ownedFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
