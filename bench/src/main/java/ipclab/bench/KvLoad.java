package ipclab.bench;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ipclab.bench.Result.Language;
import ipclab.bench.Result.Section;
import ipclab.ipc.Address;

/**
 * Lab 5's key-value server under load: {@code c} clients at once (threads of this JVM, each with
 * its own connection to {@code KvServer} over a UNIX socket) send requests as fast as the server
 * answers, a {@code PUT} and a {@code GET} of the client's own key in turn, each a Lab 3 frame.
 * Reports the round-trip percentiles and the requests per second of all clients together.
 *
 * <p>The server is the reference solution's, or the student's lab, as a child JVM; it is stopped
 * with {@code SHUTDOWN}, which removes its socket file.
 */
final class KvLoad {
    static final String SERVER = "ipclab.sockets.KvServer";

    private KvLoad() {
    }

    static List<Result> run(Settings s, Resources resources, Progress progress, List<String> notes)
            throws IOException, InterruptedException {
        var lab5 = LabCode.lab5();
        if (lab5.isEmpty()) {
            notes.add("Lab 5 is not built (solutions/lab5-sockets or labs/lab5-sockets): KvServer was not measured.");
            progress.say(notes.getLast());
            return List.of();
        }
        var address = UnixDomainSocketAddress.of(resources.tempDir().resolve("kv.sock"));
        var server = ServerChild.start(lab5.get().command(SERVER, List.of(Address.format(address))), "listening on ", resources);
        if (server.failure() != null)
            throw new IOException("Lab 5's KvServer in " + lab5.get().classes() + " did not start: " + server.failure());
        progress.say("  server: KvServer (Lab 5) from " + lab5.get().classes());
        var results = new ArrayList<Result>();
        try {
            for (int clients : s.serverClients()) {
                Result.Latency latency;
                try {
                    latency = ClientLoad.measure(id -> kvClient(address, id), clients, s);
                } catch (IOException e) {
                    throw new IOException(e.getMessage() + " (the server: " + server.state() + ")", e);
                }
                results.add(progress
                        .done(new Result(Section.KV_SERVER, "KvServer (Lab 5), " + clients + (clients == 1 ? " client" : " clients"),
                                Language.JAVA, "", 0, 1, latency)));
            }
            try (var stop = kvLink(address)) {
                stop.send(bytes("SHUTDOWN"));
                stop.receive();
            }
        } finally {
            server.awaitExit();
        }
        return results;
    }

    private static PipeLink kvLink(UnixDomainSocketAddress address) throws IOException {
        var channel = SocketChannel.open(address);
        return new PipeLink(Channels.newInputStream(channel), Channels.newOutputStream(channel));
    }

    /** Client {@code id}: {@code PUT k<id> <i>} on even requests, {@code GET k<id>} on odd ones, each reply checked. */
    private static ClientLoad.Client kvClient(UnixDomainSocketAddress address, int id) throws IOException {
        var link = kvLink(address);
        String key = "k" + id;
        return new ClientLoad.Client() {
            @Override
            public void request(long i) throws IOException {
                boolean put = i % 2 == 0;
                link.send(bytes(put ? "PUT " + key + " " + i : "GET " + key));
                String reply = new String(link.receive(), StandardCharsets.UTF_8);
                String expected = put ? "OK" : "VALUE " + (i - 1);
                if (!reply.equals(expected)) throw new IOException("KvServer answered '" + reply + "', not '" + expected + "'");
            }

            @Override
            public void close() throws IOException {
                link.send(bytes("QUIT"));
                link.receive();
                link.close();
            }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
