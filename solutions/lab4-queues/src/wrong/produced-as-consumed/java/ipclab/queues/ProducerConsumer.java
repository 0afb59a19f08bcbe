package ipclab.queues;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import ipclab.ipc.ChildJvm;
import ipclab.ipc.Cli;
import ipclab.ipc.IpcException;
import ipclab.ipc.MessageQueue;
import ipclab.ipc.ProcessQueue;

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
 * <p>The queues, both created exclusively and removed however the program ends:
 * <pre>
 *   key K      items     producers put "p&lt;p&gt;-&lt;i&gt;", then the parent puts one STOP per consumer
 *   key K+1    counts    each consumer puts "&lt;c&gt; &lt;items it took&gt;" when it takes its STOP
 * </pre>
 * The parent waits for the producers to exit, then sends the stops: a STOP is put after every
 * item, so a consumer that takes one knows no item is left for it. M in
 * {@code produced N consumed M} is the sum of the consumers' counts.
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
    /** How often the parent looks whether a child failed while it waits. */
    private static final Duration POLL = Duration.ofMillis(100);

    private ProducerConsumer() {
    }

    /** A child process and how the parent names it in errors. */
    private record Child(String name, Process process) {
        boolean failed() {
            return !process.isAlive() && process.exitValue() != 0;
        }
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE, "--key").positional(3, 3);
            int producers = (int) args.integer(0, "producers", 1, MAX_PROCESSES);
            int consumers = (int) args.integer(1, "consumers", 1, MAX_PROCESSES);
            int items = (int) args.integer(2, "items", 0, MAX_ITEMS);
            int key = args.key();
            if (key == Integer.MAX_VALUE) throw new Cli.UsageException("error: the key must leave room for K+1, the counts queue");

            var itemQueue = createQueue(key);
            var countQueue = createQueue(countsKey(key));
            var children = new CopyOnWriteArrayList<Child>();
            Cli.removeOnExit(() -> killAll(children));  // runs before the queues are removed

            String keyText = Integer.toString(key);
            var producerList = new ArrayList<Child>();
            for (int p = 1; p <= producers; p++) {
                producerList.add(start(children, "producer " + p, Producer.class,
                        Integer.toString(p), Integer.toString(items), "--key", keyText));
            }
            var consumerList = new ArrayList<Child>();
            for (int c = 1; c <= consumers; c++) {
                consumerList.add(start(children, "consumer " + c, Consumer.class, Integer.toString(c), "--key", keyText));
            }

            awaitSuccess(producerList, children);
            for (int c = 0; c < consumers; c++) itemQueue.put(STOP);  // one each: a consumer takes one and exits
            long consumed = collectCounts(countQueue, consumerList, children);
            awaitSuccess(consumerList, children);
            System.out.println("produced " + (long) producers * items + " consumed " + (long) producers * items);
            return Cli.OK;
        });
    }

    /** The key of the queue on which consumers report their counts. */
    static int countsKey(int key) {
        return key + 1;
    }

    private static ProcessQueue createQueue(int key) {
        try {
            var queue = MessageQueue.createExclusive(key);
            Cli.removeOnExit(queue::remove);
        } catch (IpcException.QueueExistsException e) {
            throw new Cli.Failure("a message queue with key " + key + " already exists: is another ProducerConsumer"
                    + " using it? If not, remove it with: ipcrm -Q " + key);
        }
        return ProcessQueue.open(key);
    }

    private static Child start(List<Child> children, String name, Class<?> main, String... args) {
        var child = new Child(name, ChildJvm.start(main, args));  // it prints on our stdout
        children.add(child);
        return child;
    }

    /** Waits until each of these has exited with status 0; fails as soon as any child has failed. */
    private static void awaitSuccess(List<Child> these, List<Child> all) throws InterruptedException {
        for (var child : these) {
            while (!child.process().waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) checkNoneFailed(all);
        }
        checkNoneFailed(all);
    }

    private static void checkNoneFailed(List<Child> all) {
        for (var child : all) {
            if (child.failed()) {
                throw new Cli.Failure(child.name() + " failed (exit status " + child.process().exitValue() + ")");
            }
        }
    }

    /** Takes one count from each consumer ("c n") and returns their sum. */
    private static long collectCounts(ProcessQueue counts, List<Child> consumers, List<Child> all) {
        long sum = 0;
        var reported = new HashSet<Integer>();
        while (reported.size() < consumers.size()) {
            // A consumer puts its count before it exits: if every one still missing had exited
            // before this poll, a poll that finds nothing proves a count will never come.
            boolean missingHaveExited = true;
            for (int c = 1; c <= consumers.size(); c++) {
                if (!reported.contains(c) && consumers.get(c - 1).process().isAlive()) missingHaveExited = false;
            }
            var report = counts.poll(POLL);
            if (report.isPresent()) {
                String[] parts = report.get().split(" ");
                reported.add(Integer.parseInt(parts[0]));
                sum += Long.parseLong(parts[1]);
            } else {
                checkNoneFailed(all);
                if (missingHaveExited) throw new Cli.Failure("a consumer exited without reporting its count");
            }
        }
        return sum;
    }

    private static void killAll(List<Child> children) throws InterruptedException {
        for (var child : children) child.process().destroyForcibly();
        for (var child : children) child.process().waitFor(5, TimeUnit.SECONDS);
    }
}
