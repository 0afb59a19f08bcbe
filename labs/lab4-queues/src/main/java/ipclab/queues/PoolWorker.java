package ipclab.queues;

import ipclab.ipc.Cli;

/**
 * A worker process of a {@link ProcessPool}: takes jobs from the task queue, runs each, and puts
 * its outcome on the result queue, until it takes a stop message. The pool starts it; it is not
 * meant to be run by hand.
 *
 * <pre>
 * (started by the pool as)  java … ipclab.queues.PoolWorker &lt;task-queue-key&gt; &lt;result-queue-key&gt;
 * </pre>
 *
 * <p>What to do: open both queues; then loop: take a message; a stop message ends the loop; a
 * job names the call, the input's index, the task class and the input (the README suggests a
 * format). Make the task ({@code Class.forName(name).asSubclass(Task.class)
 * .getConstructor().newInstance()}, once per class), run it, and put the result, or the
 * exception's message if it threw, on the result queue, tagged with the call and the index.
 * Never let one failing task end the worker; make sure every message fits in
 * {@code ProcessQueue.maxMessageBytes()} bytes.
 */
public final class PoolWorker {
    static final String USAGE = "usage: PoolWorker <task-queue-key> <result-queue-key>";

    private PoolWorker() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE).positional(2, 2);
            int taskKey = Cli.parseKey(args.get(0));
            int resultKey = Cli.parseKey(args.get(1));
            throw new UnsupportedOperationException("TODO: run jobs from the queue with key " + taskKey
                    + ", put their outcomes on the queue with key " + resultKey);
        });
    }
}
