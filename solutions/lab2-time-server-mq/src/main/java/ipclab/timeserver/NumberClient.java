package ipclab.timeserver;

import java.math.BigInteger;

import ipclab.ipc.Cli;
import ipclab.ipc.IpcException;
import ipclab.ipc.MessageQueue;

/**
 * The warm-up client: opens the queue a {@link NumberServer} (or the course's Python server)
 * created, and prints every number it receives until it receives {@code 0}.
 *
 * <pre>
 * $ ./run NumberClient --key 4242
 * received: 5
 * received: 12
 * exiting.
 * </pre>
 *
 * <p>It never creates the queue, so it cannot leave one behind; it receives messages of any type
 * (type 0 in {@code msgrcv}), the oldest first.
 */
public final class NumberClient {
    static final String USAGE = "usage: NumberClient [--key K]";

    private NumberClient() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            int key = Cli.Args.parse(argv, USAGE, "--key").positional(0, 0).key();
            var queue = openQueue(key);
            while (true) {
                // a queue removed while we wait ends here with "error: the message queue was removed"
                String text = queue.receive(0).text();
                BigInteger value = parse(text);
                if (value.signum() == 0) {
                    System.out.println("exiting.");
                    return Cli.OK;
                }
                System.out.println("received: " + value);
            }
        });
    }

    private static MessageQueue openQueue(int key) {
        try {
            return MessageQueue.open(key);
        } catch (IpcException.NoSuchQueueException e) {
            throw new Cli.Failure("no message queue with key " + key + " (is the server running?)");
        }
    }

    private static BigInteger parse(String text) {
        try {
            return new BigInteger(text.strip());
        } catch (NumberFormatException e) {
            throw new Cli.Failure("received a message that is not an integer: '" + text + "'");
        }
    }
}
