package ipclab.ipc;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;

/**
 * Socket addresses as the labs write them on a command line and print them:
 * {@code unix:<path>} for a UNIX-domain stream socket (a file in the file system) and
 * {@code tcp:<host>:<port>} for TCP. The JDK has both kinds of {@link SocketAddress} but no
 * text form for them; this class is that text form, both ways.
 *
 * <pre>{@code
 * SocketAddress a = Address.parse("unix:/tmp/kv.sock");   // a UnixDomainSocketAddress
 * SocketAddress b = Address.parse("tcp:127.0.0.1:0");     // an InetSocketAddress, port 0: any free one
 * ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET).bind(b);
 * Address.format(server.getLocalAddress())                // "tcp:127.0.0.1:41237", the real port
 * }</pre>
 *
 * <p>{@code localhost} means {@code 127.0.0.1} (no name lookup); other host names are looked up.
 * Bad text throws {@link IllegalArgumentException} with a message fit for an {@code error: } line.
 */
public final class Address {
    private Address() {
    }

    /** The address {@code unix:<path>} or {@code tcp:<host>:<port>} (port 0 to 65535) names. */
    public static SocketAddress parse(String text) {
        if (text.startsWith("unix:")) {
            String path = text.substring("unix:".length());
            if (path.isEmpty()) throw bad(text, "a unix: address needs a path");
            if (path.indexOf('\0') >= 0) throw bad(text, "a path cannot hold a NUL byte");
            return UnixDomainSocketAddress.of(path);
        }
        if (text.startsWith("tcp:")) {
            String rest = text.substring("tcp:".length());
            int colon = rest.lastIndexOf(':');
            if (colon <= 0) throw bad(text, "a tcp: address is tcp:<host>:<port>");
            String host = rest.substring(0, colon);
            int port;
            try {
                port = Integer.parseInt(rest.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw bad(text, "the port must be a number from 0 to 65535");
            }
            if (port < 0 || port > 65535) throw bad(text, "the port must be a number from 0 to 65535");
            return new InetSocketAddress(host(text, host), port);
        }
        throw bad(text, "an address is unix:<path> or tcp:<host>:<port>");
    }

    private static InetAddress host(String text, String host) {
        try {
            if (host.equals("localhost")) return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw bad(text, "unknown host " + host);
        }
    }

    /** The text form of an address: {@code unix:<path>} (the path may be empty: an unnamed socket) or {@code tcp:<ip>:<port>}. */
    public static String format(SocketAddress address) {
        return switch (address) {
            case UnixDomainSocketAddress unix -> "unix:" + unix.getPath();
            case InetSocketAddress inet when inet.getAddress() != null ->
                "tcp:" + inet.getAddress().getHostAddress() + ":" + inet.getPort();
            case InetSocketAddress inet -> "tcp:" + inet.getHostString() + ":" + inet.getPort();
            default -> address.toString();
        };
    }

    /** Whether the address is on this machine only: a UNIX socket, or TCP on a loopback address. */
    public static boolean isLocal(SocketAddress address) {
        return switch (address) {
            case UnixDomainSocketAddress unix -> true;
            case InetSocketAddress inet -> inet.getAddress() != null && inet.getAddress().isLoopbackAddress();
            default -> false;
        };
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad address '" + text + "': " + why);
    }
}
