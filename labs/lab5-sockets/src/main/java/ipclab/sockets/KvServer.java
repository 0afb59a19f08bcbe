package ipclab.sockets;

import java.net.SocketAddress;

import ipclab.ipc.Address;
import ipclab.ipc.Cli;

/**
 * A key-value store that many clients share over a stream socket: the course's "VectorDB"
 * server, with frames instead of {@code recv(4096)}. Every connection is served by its own
 * virtual thread; all of them share one store.
 *
 * <pre>
 * $ ./run KvServer unix:/tmp/kv.sock            (or tcp:127.0.0.1:0 for a free TCP port)
 * listening on unix:/tmp/kv.sock
 *                                                 in another terminal:
 * $ ./run KvClient unix:/tmp/kv.sock "PUT colour dark blue" "GET colour" KEYS SHUTDOWN
 * OK
 * VALUE dark blue
 * KEYS colour
 * BYE
 * </pre>
 *
 * Requests and replies are Lab 3's frames (4-byte big-endian length + UTF-8), at most 1 MiB.
 * The socket file is removed however the server ends.
 */
public final class KvServer {
    static final int MAX_FRAME = 1 << 20;
    static final int MAX_KEY_BYTES = 256;
    private static final String USAGE = "usage: KvServer <address>   (unix:<path> or tcp:127.0.0.1:<port>)";

    private KvServer() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE).positional(1, 1);
            var address = parseAddress(args.get(0));
            return serve(address);
        });
    }

    /** The address of a command line; bad text is a usage error (exit status 2). */
    static SocketAddress parseAddress(String text) {
        try {
            return Address.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException("error: " + e.getMessage());
        }
    }

    /**
     * Listens at the address ({@link Sockets#listen}), makes sure the socket file goes however the
     * program ends ({@code Cli.removeOnExit}), prints {@code listening on <address>}, and serves
     * every connection on a thread of its own until SHUTDOWN; then closes every connection,
     * removes the socket file and prints {@code server stopped}. Returns the exit status.
     */
    static int serve(SocketAddress address) throws Exception {
        throw new UnsupportedOperationException(
                "TODO: KvServer.serve: listen, print the address, accept and serve each client on its own thread");
    }

    /** The reply to one request: OK, VALUE <v>, NOT_FOUND, KEYS …, BYE or ERROR <reason>. */
    static String reply(String request) {
        throw new UnsupportedOperationException("TODO: KvServer.reply: parse PUT/GET/DEL/KEYS/QUIT/SHUTDOWN");
    }
}
