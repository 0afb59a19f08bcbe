package ipclab.sockets;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

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

    private final ConcurrentNavigableMap<String, String> store = new ConcurrentSkipListMap<>();
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private final Sockets.Bound server;
    private volatile boolean stopping;

    private KvServer(Sockets.Bound server) {
        this.server = server;
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE).positional(1, 1);
            var address = parseAddress(args.get(0));
            var bound = Sockets.listen(address);
            Cli.removeOnExit(bound::close);
            var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.println("listening on " + Address.format(bound.address()));
            new KvServer(bound).serve();
            bound.close();
            out.println("server stopped");
            return Cli.OK;
        });
    }

    static java.net.SocketAddress parseAddress(String text) {
        try {
            return Address.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException("error: " + e.getMessage());
        }
    }

    /** Accepts connections until SHUTDOWN, each on a thread of its own; then closes them all. */
    private void serve() throws IOException {
        try {
            while (true) {
                SocketChannel client = server.channel().accept();
                clients.add(client);
                Thread.ofVirtual().name("kv-client").start(() -> handle(client));
            }
        } catch (ClosedChannelException e) {
            if (!stopping) throw e;  // closed by SHUTDOWN: the normal end
        } finally {
            clients.forEach(KvServer::closeQuietly);
        }
    }

    /** Serves one connection: a request, a reply, until QUIT, the end of the stream or an error. */
    private void handle(SocketChannel client) {
        try (client) {
            while (true) {
                Optional<String> request;
                try {
                    request = Frames.read(client, MAX_FRAME);
                } catch (Frames.TooLargeException e) {
                    Frames.write(client, "ERROR frame too large");
                    return;  // the rest of that frame is not read: the connection is closed
                } catch (Frames.NotTextException e) {
                    Frames.write(client, "ERROR a request must be UTF-8 text");
                    continue;
                }
                if (request.isEmpty()) return;
                String command = request.get();
                Frames.write(client, reply(command));
                if (command.equals("QUIT")) return;
                if (command.equals("SHUTDOWN")) {
                    stopping = true;
                    server.channel().close();  // the accept loop ends and closes every connection
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away, or sent half a frame and left: only its own connection ends
        } finally {
            clients.remove(client);
        }
    }

    /** The reply to one request. */
    String reply(String request) {
        int space = request.indexOf(' ');
        String verb = space < 0 ? request : request.substring(0, space);
        String rest = space < 0 ? null : request.substring(space + 1);
        return switch (verb) {
            case "PUT" -> {
                if (rest == null || rest.indexOf(' ') < 0) yield "ERROR usage: PUT <key> <value>";
                String key = rest.substring(0, rest.indexOf(' '));
                String bad = badKey(key);
                if (bad != null) yield bad;
                store.put(key, rest.substring(key.length() + 1));
                yield "OK";
            }
            case "GET", "DEL" -> {
                if (rest == null || rest.indexOf(' ') >= 0) yield "ERROR usage: " + verb + " <key>";
                String bad = badKey(rest);
                if (bad != null) yield bad;
                String value = verb.equals("GET") ? store.get(rest) : store.remove(rest);
                if (value == null) yield "NOT_FOUND";
                yield verb.equals("GET") ? "VALUE " + value : "OK";
            }
            case "KEYS", "QUIT", "SHUTDOWN" -> {
                if (rest != null) yield "ERROR " + verb + " takes no arguments";
                if (!verb.equals("KEYS")) yield "BYE";
                var keys = new StringBuilder("KEYS");
                for (String key : store.keySet()) keys.append(' ').append(key);
                yield keys.toString();
            }
            default -> "ERROR unknown request '" + (verb.length() > 40 ? verb.substring(0, 40) + "…" : verb) + "'";
        };
    }

    private static String badKey(String key) {
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0) return "ERROR a key may not be empty";
        if (bytes > MAX_KEY_BYTES) return "ERROR a key has at most 256 bytes";
        return null;
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // it is being closed anyway
        }
    }
}
