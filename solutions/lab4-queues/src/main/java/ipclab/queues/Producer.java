package ipclab.queues;

import ipclab.ipc.Cli;
import ipclab.ipc.ProcessQueue;

/**
 * A producer of {@link ProducerConsumer}, run as a child JVM: puts {@code p<p>-0} …
 * {@code p<p>-<items-1>} into the existing item queue (key K) and exits. A put waits while the
 * queue is full: the producer runs only as fast as the consumers take (backpressure).
 *
 * <pre>
 * $ ./run Producer 1 3 --key 4242      (ProducerConsumer starts it; by hand, make the queue first)
 * $ ipcs -q                            (key 4242 now holds 3 messages: p1-0 p1-1 p1-2)
 * </pre>
 *
 * <p>Prints nothing. Exit status 0; 1 if the queue does not exist or is removed; 2 for bad arguments.
 */
public final class Producer {
    static final String USAGE = "usage: Producer <p> <items> [--key K]   (p 1 to 16, items 0 to 100000)";

    private Producer() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE, "--key").positional(2, 2);
            int p = (int) args.integer(0, "p", 1, ProducerConsumer.MAX_PROCESSES);
            int items = (int) args.integer(1, "items", 0, ProducerConsumer.MAX_ITEMS);
            ParentWatch.exitWithParent();
            var queue = ProcessQueue.open(args.key());
            for (int i = 0; i < items; i++) queue.put("p" + p + "-" + i);
            return Cli.OK;
        });
    }
}
