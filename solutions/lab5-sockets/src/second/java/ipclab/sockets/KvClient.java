package ipclab.sockets;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Part A's command-line client (second solution): each argument after the address is one
 * request; each reply is printed on its own line.
 *
 * <pre>
 * $ ./run KvClient unix:/tmp/kv.sock "PUT colour dark blue" "GET colour"
 * OK
 * VALUE dark blue
 * </pre>
 */
public final class KvClient {
    /** Replies may be large (KEYS of a big store), but not unbounded. */
    private static final long LARGEST_REPLY = 64L << 20;

    private KvClient() {
    }

    public static void main(String[] argv) {
        Program.main(argv, "KvClient <address> <request>...", false, words -> {
            var address = words.expect(2, true).address(0);
            try (var server = dialOrFail(address)) {
                for (String request : words.positional().subList(1, words.positional().size())) {
                    byte[] text = request.getBytes(StandardCharsets.UTF_8);
                    ByteIo.writeAll(server, ByteBuffer.allocate(4).putInt(0, text.length), ByteBuffer.wrap(text));
                    var header = ByteBuffer.allocate(4);
                    if (!ByteIo.fill(server, header)) throw new EOFException("the server closed the connection");
                    long length = Integer.toUnsignedLong(header.getInt(0));
                    if (length > LARGEST_REPLY) throw new IOException("a reply of " + length + " bytes is too large");
                    System.out.println(new String(ByteIo.exactly(server, (int) length), StandardCharsets.UTF_8));
                }
            } catch (IOException lost) {
                throw new Program.Fault("the server is gone: " + lost.getMessage());
            }
            return 0;
        });
    }

    private static java.nio.channels.SocketChannel dialOrFail(java.net.SocketAddress address) {
        try {
            return Endpoint.dial(address);
        } catch (Endpoint.Unreachable none) {
            throw new Program.Fault(none.getMessage());
        }
    }
}
