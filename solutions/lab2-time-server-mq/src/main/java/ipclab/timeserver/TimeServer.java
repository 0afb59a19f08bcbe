package ipclab.timeserver;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalLong;

import ipclab.ipc.Cli;
import ipclab.ipc.IpcException;
import ipclab.ipc.Message;
import ipclab.ipc.MessageQueue;

import static ipclab.timeserver.TimeProtocol.STOP_REQUEST;
import static ipclab.timeserver.TimeProtocol.TIME_REQUEST;

/**
 * The time server of "Is it time yet?": it creates a System V message queue, answers every
 * time request with the local time in C {@code asctime} form, and on a stop request removes the
 * queue and exits. See {@link TimeProtocol} for the message types.
 *
 * <pre>
 * $ ./run TimeServer --key 4242
 * time server listening on key 4242
 *                                        (a client typed 2 in another terminal)
 * time server stopped
 * </pre>
 *
 * <p>The queue is created exclusively: a second server on the same key is refused instead of
 * sharing (and later removing) the first one's queue. It is removed however the server ends:
 * stop request, error, Ctrl-C (SIGINT) or {@code kill} (SIGTERM).
 */
public final class TimeServer {
    static final String USAGE = "usage: TimeServer [--key K]";

    /** C's {@code asctime} without its newline: the day of the month is padded to two with a space. */
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private TimeServer() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            int key = Cli.Args.parse(argv, USAGE, "--key").positional(0, 0).key();
            var queue = createQueue(key);
            Cli.removeOnExit(queue::remove);
            System.out.println("time server listening on key " + key);
            serve(queue);
            System.out.println("time server stopped");
            return Cli.OK;
        });
    }

    private static MessageQueue createQueue(int key) {
        try {
            return MessageQueue.createExclusive(key);
        } catch (IpcException.QueueExistsException e) {
            throw new Cli.Failure("a message queue with key " + key + " already exists: is another time server"
                    + " running? If not, remove the queue with: ipcrm -Q " + key);
        }
    }

    /** Answers time requests until a stop request comes, then removes the queue. */
    static void serve(MessageQueue queue) {
        while (true) {
            // -STOP_REQUEST: the oldest message of the lowest type <= 2; replies (>= 3) stay for the clients
            Message request = queue.receive(-STOP_REQUEST);
            if (request.type() == STOP_REQUEST) {
                queue.remove();
                return;
            }
            assert request.type() == TIME_REQUEST;
            var client = clientId(request.text());
            if (client.isPresent()) {
                queue.send(TimeProtocol.replyType(client.getAsLong()), asctime(LocalDateTime.now()));
            } else {
                System.err.println("time server: ignored a time request whose payload is not a client id: '"
                        + request.text() + "'");
            }
        }
    }

    /** The client id in a request's payload: 0 for an empty payload, c for a decimal c >= 0. */
    static OptionalLong clientId(String payload) {
        String text = payload.strip();
        if (text.isEmpty()) return OptionalLong.of(0);
        try {
            long id = Long.parseLong(text);
            // a reply type is positive and must fit in a C long: 3 + id
            if (id >= 0 && id <= Long.MAX_VALUE - TimeProtocol.REPLY) return OptionalLong.of(id);
        } catch (NumberFormatException e) {
            // not a number: no client to answer
        }
        return OptionalLong.empty();
    }

    /**
     * The time as C's {@code asctime} (and Python's {@code time.asctime()}) writes it, without the
     * newline: {@code Sun Nov  1 09:05:03 2026}. English names whatever the locale.
     */
    public static String asctime(LocalDateTime time) {
        return ASCTIME.format(time);
    }
}
