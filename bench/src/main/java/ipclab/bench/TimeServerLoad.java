package ipclab.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ipclab.bench.Result.Language;
import ipclab.bench.Result.Section;
import ipclab.ipc.ChildJvm;
import ipclab.ipc.MessageQueue;

/**
 * Lab 2's time server under load: {@code c} clients at once (threads of this JVM, each with its
 * own client id, each with its own handle on the queue) send time requests (type 1, payload the
 * id) and wait for their own reply (type 3 + id), as fast as the server answers. Reports the
 * round-trip percentiles and the round trips per second of all clients together.
 *
 * <p>The server is the real {@code ipclab.timeserver.TimeServer} (the reference solution's, or
 * the student's lab) started as a child JVM; if there is none, or it does not start, the bench's
 * {@link MiniTimeServer} stands in, and the report says so.
 */
final class TimeServerLoad {
    static final String SERVER = "ipclab.timeserver.TimeServer";

    private TimeServerLoad() {
    }

    static List<Result> run(Settings s, Resources resources, Progress progress, List<String> notes)
            throws IOException, InterruptedException {
        int key = resources.freshKeys(1);
        var lab2 = switch (s.timeServer()) {
            case "" -> LabCode.find("lab2-time-server-mq", SERVER);
            case "mini" -> Optional.<LabCode>empty();
            default -> Optional.of(new LabCode(Path.of(s.timeServer()), List.of()));
        };
        var args = List.of("--key", Integer.toString(key));
        String ready = "time server listening on key " + key;
        ServerChild server = null;
        if (lab2.isPresent()) {
            server = ServerChild.start(lab2.get().command(SERVER, args), ready, resources);
            if (server.failure() != null) {
                notes.add("Lab 2's TimeServer in " + lab2.get().classes() + " did not start (" + server.failure()
                        + "), so the bench's MiniTimeServer was measured instead.");
                MessageQueue.removeIfExists(key);
                server = null;
            }
        } else if (!s.timeServer().equals("mini")) {
            notes.add("Lab 2's TimeServer was not found (build solutions/lab2-time-server-mq or labs/lab2-time-server-mq),"
                    + " so the bench's MiniTimeServer was measured instead.");
        }
        String name = "TimeServer (Lab 2)";
        if (server == null) {
            server = ServerChild.start(ChildJvm.command(MiniTimeServer.class.getName(), args), ready, resources);
            if (server.failure() != null) throw new IOException("the bench's MiniTimeServer did not start: " + server.failure());
            name = "MiniTimeServer (the bench's)";
        }
        progress.say("  server: " + name + (lab2.isPresent() && name.startsWith("TimeServer") ? " from " + lab2.get().classes() : ""));
        var results = new ArrayList<Result>();
        try (var queue = MessageQueue.open(key)) {
            for (int clients : s.serverClients()) {
                Result.Latency latency;
                try {
                    latency = ClientLoad.measure(id -> timeClient(key, id), clients, s);
                } catch (IOException e) {
                    throw new IOException(e.getMessage() + " (the server: " + server.state() + ")", e);
                }
                results.add(progress.done(new Result(Section.TIME_SERVER, name + ", " + clients + (clients == 1 ? " client" : " clients"),
                        Language.JAVA, "", 0, 1, latency)));
            }
            queue.send(2, "stop");
        } finally {
            server.awaitExit();
            MessageQueue.removeIfExists(key);
        }
        return results;
    }

    /** A client with its own id and its own handle on the queue: a type-1 request, then its type 3+id reply. */
    private static ClientLoad.Client timeClient(int key, int id) {
        var queue = MessageQueue.open(key);
        String request = Integer.toString(id);
        return new ClientLoad.Client() {
            @Override
            public void request(long i) throws IOException {
                queue.send(1, request);
                var reply = queue.receive(3 + id, Link.PATIENCE)
                        .orElseThrow(() -> new IOException("no reply from the time server within " + Link.PATIENCE.toSeconds() + " s"));
                if (reply.text().length() != 24) throw new IOException("the time server answered '" + reply.text() + "'");
            }

            @Override
            public void close() {
                queue.close();
            }
        };
    }
}
