package ipclab.timeserver;

import java.math.BigInteger;
import java.util.Set;

import ipclab.ipc.IpcException;
import ipclab.ipc.MessageQueue;

/**
 * The number relay's client (second solution): opens the queue of a running number server (this
 * one's or the course's Python one), never creating it, and prints each number it takes, of
 * any type, oldest first, until {@code 0}.
 *
 * <pre>
 * $ ./run NumberClient --key 4242
 * received: 5
 * exiting.
 * </pre>
 */
public final class NumberClient {
    private NumberClient() {
    }

    public static void main(String[] argv) {
        Command.main(argv, "NumberClient [--key K]", Set.of("--key"), options -> {
            int key = options.key();
            MessageQueue relay;
            try {
                relay = MessageQueue.open(key);
            } catch (IpcException.NoSuchQueueException none) {
                throw new Command.Trouble("no message queue with key " + key + " (is the server running?)");
            }
            BigInteger number;
            while ((number = numberIn(relay.receive(0).text())).signum() != 0) {
                System.out.println("received: " + number);
            }
            System.out.println("exiting.");
        });
    }

    private static BigInteger numberIn(String text) {
        if (!NumberServer.INTEGER.matcher(text).matches()) {
            throw new Command.Trouble("a message that is not a number arrived: '" + text + "'");
        }
        return new BigInteger(text.strip());
    }
}
