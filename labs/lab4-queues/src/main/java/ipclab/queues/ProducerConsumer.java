package ipclab.queues;

import ipclab.ipc.Cli;

/**
 * Part A of the queues lab: producers and consumers, each a child JVM, share one process-safe
 * queue, and are stopped by messages rather than by sleeping and killing.
 *
 * <pre>
 * $ ./run ProducerConsumer 2 2 3 --key 4242
 * consumer 1 got p1-0
 * consumer 2 got p2-0
 * consumer 1 got p1-1
 * consumer 2 got p1-2
 * consumer 1 got p2-1
 * consumer 2 got p2-2
 * produced 6 consumed 6
 * </pre>
 *
 * <p>What to do (the README explains each step):
 * <ol>
 *   <li>Create the item queue with key K and the count queue with key K+1, both exclusively
 *       ({@code MessageQueue.createExclusive}, then {@code ProcessQueue.open}), and register
 *       their removal with {@code Cli.removeOnExit} at once.</li>
 *   <li>Start producers 1 … P ({@link Producer}) and consumers 1 … C ({@link Consumer}) as child
 *       JVMs ({@code ChildJvm.start}: they print on this program's stdout), and register a
 *       cleanup that kills those still running.</li>
 *   <li>Wait for every producer to exit with status 0.</li>
 *   <li>Put one {@link #STOP} per consumer on the item queue.</li>
 *   <li>Take one count per consumer from the count queue and add them up: that is M.</li>
 *   <li>Wait for the consumers, print {@code produced <N> consumed <M>}, return {@code Cli.OK}.</li>
 * </ol>
 * A child that fails (exit status not 0) is an error: {@code throw new Cli.Failure(...)}; never
 * wait for ever on something that will not come.
 *
 * <p>Exit status 0; 1 if a queue key is taken or a child fails; 2 for bad arguments.
 */
public final class ProducerConsumer {
    static final String USAGE = "usage: ProducerConsumer <producers> <consumers> <items> [--key K]"
            + "   (producers and consumers 1 to 16, items 0 to 100000)";
    /** Tells a consumer that no item is left for it; no item looks like it. */
    static final String STOP = "STOP";
    static final int MAX_PROCESSES = 16;
    static final int MAX_ITEMS = 100_000;

    private ProducerConsumer() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE, "--key").positional(3, 3);
            int producers = (int) args.integer(0, "producers", 1, MAX_PROCESSES);
            int consumers = (int) args.integer(1, "consumers", 1, MAX_PROCESSES);
            int items = (int) args.integer(2, "items", 0, MAX_ITEMS);
            int key = args.key();
            throw new UnsupportedOperationException("TODO: run " + producers + " producers and " + consumers
                    + " consumers of " + items + " items each on the queue with key " + key);
        });
    }

    /** The key of the queue on which consumers report their counts. */
    static int countsKey(int key) {
        return key + 1;
    }
}
