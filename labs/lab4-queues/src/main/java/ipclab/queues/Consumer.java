package ipclab.queues;

import ipclab.ipc.Cli;

/**
 * A consumer of {@link ProducerConsumer}, run as a child JVM: takes items from the item queue
 * (key K) and prints {@code consumer <c> got <item>} for each, until it takes a
 * {@link ProducerConsumer#STOP}; then it puts {@code "<c> <items taken>"} on the count queue
 * (key K+1, {@link ProducerConsumer#countsKey}) and exits.
 *
 * <pre>
 * $ ./run Consumer 1 --key 4242        (ProducerConsumer starts it)
 * consumer 1 got p1-0
 * consumer 1 got p1-1
 * </pre>
 *
 * <p>Print each line with one {@code System.out.println}: see the README on why the lines of
 * several consumers never mix.
 *
 * <p>Exit status 0; 1 if a queue does not exist or is removed; 2 for bad arguments.
 */
public final class Consumer {
    static final String USAGE = "usage: Consumer <c> [--key K]   (c 1 to 16)";

    private Consumer() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE, "--key").positional(1, 1);
            int c = (int) args.integer(0, "c", 1, ProducerConsumer.MAX_PROCESSES);
            int key = args.key();
            throw new UnsupportedOperationException("TODO: consumer " + c + ": take items from the queue with key " + key
                    + " until STOP, then report the count on key " + ProducerConsumer.countsKey(key));
        });
    }
}
