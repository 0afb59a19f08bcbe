package ipclab.timeserver;

import ipclab.ipc.Cli;

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
 * <p>What it must do (the README has the whole contract):
 * <ul>
 *   <li>open the existing queue, never create one; none:
 *       {@code error: no message queue with key K (is the server running?)}, exit 1;</li>
 *   <li>receive messages of any type, the oldest first; print {@code received: N} for each
 *       N other than 0; on 0 print {@code exiting.} and exit 0;</li>
 *   <li>the queue removed while it waits: {@code error: the message queue was removed}, exit 1
 *       (look at what {@link ipclab.ipc.MessageQueue#receive(long)} throws then, and at what
 *       {@link Cli#run} does with it).</li>
 * </ul>
 */
public final class NumberClient {
    static final String USAGE = "usage: NumberClient [--key K]";

    private NumberClient() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            int key = Cli.Args.parse(argv, USAGE, "--key").positional(0, 0).key();
            throw new UnsupportedOperationException("TODO: NumberClient.main");
        });
    }
}
