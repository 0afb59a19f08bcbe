package ipclab.sockets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import ipclab.ipc.Address;

/**
 * Part A's key-value store (second solution): one store in a {@link TreeMap} guarded by a
 * read-write lock, shared by every client; each connection is served by a virtual thread of its
 * own, so a slow, silent or half-way client delays nobody. Requests and replies are frames of a
 * 4-byte big-endian unsigned length and UTF-8 text.
 *
 * <pre>
 * $ ./run KvServer tcp:127.0.0.1:0
 * listening on tcp:127.0.0.1:41237
 * server stopped                         (after a client's SHUTDOWN)
 * </pre>
 */
public final class KvServer {
    /** The largest request body read: 1 MiB. */
    static final int LARGEST_REQUEST = 1 << 20;
    private static final int LONGEST_KEY = 256;

    private final SortedMap<String, String> entries = new TreeMap<>();
    private final ReadWriteLock guard = new ReentrantReadWriteLock();
    private final Set<SocketChannel> peers = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;

    private KvServer() {
    }

    public static void main(String[] argv) {
        Program.main(argv, "KvServer <address>", false, words -> {
            var address = words.expect(1, false).serverAddress(0);
            Endpoint endpoint;
            try {
                endpoint = Endpoint.bind(address);
            } catch (Endpoint.InUse taken) {
                throw new Program.Fault(taken.getMessage());
            }
            Program.atExit(endpoint::close);
            System.out.println("listening on " + Address.format(endpoint.local()));
            new KvServer().acceptUntilShutdown(endpoint);
            System.out.println("server stopped");
            return 0;
        });
    }

    private void acceptUntilShutdown(Endpoint endpoint) throws IOException {
        try {
            while (true) {
                SocketChannel peer = endpoint.server().accept();
                peers.add(peer);
                Thread.ofVirtual().name("kv-peer").start(() -> converse(peer, endpoint));
            }
        } catch (IOException closed) {
            if (!shuttingDown) throw closed;
        }
        for (var peer : peers) peer.close();
        endpoint.close();
    }

    /** Serves one client until it quits, leaves, breaks the framing, or shuts the server down. */
    private void converse(SocketChannel peer, Endpoint endpoint) {
        try (peer) {
            var header = ByteBuffer.allocate(Integer.BYTES);
            while (true) {
                header.clear();
                if (!ByteIo.fill(peer, header)) return;
                long announced = Integer.toUnsignedLong(header.getInt(0));
                if (announced > LARGEST_REQUEST) {
                    send(peer, "ERROR frame too large");
                    return;
                }
                byte[] body = ByteIo.exactly(peer, (int) announced);
                String request;
                try {
                    request = StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(body)).toString();
                } catch (CharacterCodingException notText) {
                    send(peer, "ERROR the request is not UTF-8 text");
                    continue;
                }
                switch (request) {
                    case "QUIT" -> {
                        send(peer, "BYE");
                        return;
                    }
                    case "SHUTDOWN" -> {
                        send(peer, "BYE");
                        shuttingDown = true;
                        endpoint.server().close();
                        return;
                    }
                    default -> send(peer, answer(request));
                }
            }
        } catch (IOException gone) {
            // the client left (or broke off mid-frame): its connection is closed, the others go on
        } finally {
            peers.remove(peer);
        }
    }

    private static void send(SocketChannel peer, String reply) throws IOException {
        byte[] text = reply.getBytes(StandardCharsets.UTF_8);
        ByteIo.writeAll(peer, ByteBuffer.allocate(Integer.BYTES).putInt(0, text.length), ByteBuffer.wrap(text));
    }

    /** The reply to one request other than QUIT and SHUTDOWN. */
    String answer(String request) {
        int space = request.indexOf(' ');
        String verb = space < 0 ? request : request.substring(0, space);
        String rest = space < 0 ? null : request.substring(space + 1);
        return switch (verb) {
            case "PUT" -> {
                int split = rest == null ? -1 : rest.indexOf(' ');
                if (split < 0) yield "ERROR PUT wants a key, a space and a value";
                String key = rest.substring(0, split);
                String problem = keyProblem(key);
                if (problem != null) yield problem;
                write(() -> entries.put(key, rest.substring(split + 1)));
                yield "OK";
            }
            case "GET", "DEL" -> {
                String problem = rest == null ? "ERROR " + verb + " wants a key" : keyProblem(rest);
                if (problem != null) yield problem;
                if (verb.equals("GET")) {
                    String value = read(() -> entries.get(rest));
                    yield value == null ? "NOT_FOUND" : "VALUE " + value;
                }
                yield write(() -> entries.remove(rest)) == null ? "NOT_FOUND" : "OK";
            }
            case "KEYS" -> rest != null ? "ERROR KEYS takes nothing after it"
                    : read(() -> {
                        var listing = new StringBuilder("KEYS");
                        entries.keySet().forEach(key -> listing.append(' ').append(key));
                        return listing.toString();
                    });
            default -> "ERROR unknown request '" + verb + "'";
        };
    }

    /** Why {@code key} is not a key (1 to 256 bytes of UTF-8, no space), or null if it is one. */
    private static String keyProblem(String key) {
        if (key.isEmpty() || key.indexOf(' ') >= 0) return "ERROR a key is one word";
        if (key.getBytes(StandardCharsets.UTF_8).length > LONGEST_KEY) return "ERROR a key has at most 256 bytes";
        return null;
    }

    private <T> T read(java.util.function.Supplier<T> action) {
        guard.readLock().lock();
        try {
            return action.get();
        } finally {
            guard.readLock().unlock();
        }
    }

    private <T> T write(java.util.function.Supplier<T> action) {
        guard.writeLock().lock();
        try {
            return action.get();
        } finally {
            guard.writeLock().unlock();
        }
    }
}
