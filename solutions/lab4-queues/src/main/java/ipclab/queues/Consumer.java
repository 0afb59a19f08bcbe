package ipclab.queues;

import ipclab.ipc.Cli;
import ipclab.ipc.ProcessQueue;

/**
 * A consumer of {@link ProducerConsumer}, run as a child JVM: takes items from the item queue
 * (key K) and prints {@code consumer <c> got <item>} for each, until it takes a
 * {@link ProducerConsumer#STOP}; then it puts {@code "<c> <items taken>"} on the count queue
 * (key K+1) and exits.
 *
 * <pre>
 * $ ./run Consumer 1 --key 4242        (ProducerConsumer starts it)
 * consumer 1 got p1-0
 * consumer 1 got p1-1
 * </pre>
 *
 * <p>Each line is short and printed with one {@code println}, which {@code System.out} writes
 * with one {@code write(2)}; a write of at most {@code PIPE_BUF} (4096) bytes to a pipe is never
 * mixed with another process's, so the consumers' lines never interleave mid-line.
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
            ParentWatch.exitWithParent();
            var items = ProcessQueue.open(args.key());
            var counts = ProcessQueue.open(ProducerConsumer.countsKey(args.key()));
            long taken = 0;
            for (String item = items.take(); !item.equals(ProducerConsumer.STOP); item = items.take()) {
                System.out.println("consumer " + c + " got " + item);
                taken++;
            }
            counts.put(c + " " + taken);
            return Cli.OK;
        });
    }
}
