package ipclab.bench;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import ipclab.ipc.Cli;
import ipclab.ipc.Message;
import ipclab.ipc.MessageQueue;

/**
 * The bench's own time server, for when Lab 2's {@code ipclab.timeserver.TimeServer} is not
 * there or not finished: the same protocol (LABS.md, Lab 2) in a few lines. Type 1 with client id
 * c → the time as {@code asctime} text on type 3 + c; type 2 → remove the queue and exit.
 *
 * <pre>
 *   MiniTimeServer --key K      prints "time server listening on key K", then serves
 * </pre>
 */
public final class MiniTimeServer {
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private MiniTimeServer() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            int key = Cli.Args.parse(argv, "usage: MiniTimeServer [--key K]", "--key").positional(0, 0).key();
            var queue = MessageQueue.createExclusive(key);
            Cli.removeOnExit(queue::remove);
            System.out.println("time server listening on key " + key);
            while (true) {
                Message request = queue.receive(-2);  // types 1 and 2 only: never a reply
                if (request.type() == 2) {
                    queue.remove();
                    return Cli.OK;
                }
                String id = request.text().strip();
                queue.send(3 + (id.isEmpty() ? 0 : Long.parseLong(id)), ASCTIME.format(LocalDateTime.now()));
            }
        });
    }
}
