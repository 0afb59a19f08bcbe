package ipclab.queues;

import ipclab.ipc.Cli;

/**
 * Part B of the queues lab, the course's demonstration of a pool: runs {@link LongTimeTask}
 * (each sleeps up to one second) in a {@link ProcessPool}, prints a line for each task as it
 * finishes, then the sum of the tasks' times and the time the whole run took.
 *
 * <pre>
 * $ ./run PoolDemo 5 4
 * Task-2 ran 0.18 s in process 40112
 * Task-0 ran 0.47 s in process 40110
 * Task-4 ran 0.35 s in process 40112
 * Task-3 ran 0.86 s in process 40113
 * Task-1 ran 0.97 s in process 40111
 * Theoretical total running time: 2.83 s
 * Actual running time: 1.41 s
 * </pre>
 *
 * <p>What to do: name the tasks {@code Task-0} … {@code Task-<tasks-1>}, run them with
 * {@code imapUnordered}, print one line per result as it comes, and add up the seconds; then the
 * two timing lines. Print numbers with {@code Locale.ROOT}, so that they have a decimal point
 * in every language. A task that fails or a worker that dies: {@code throw new Cli.Failure(...)}.
 *
 * <p>Exit status 0; 1 if a task fails or a worker dies; 2 for bad arguments.
 */
public final class PoolDemo {
    static final String USAGE = "usage: PoolDemo <tasks> <workers>   (tasks 0 to 1000, workers 1 to 16)";

    private PoolDemo() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE).positional(2, 2);
            int tasks = (int) args.integer(0, "tasks", 0, 1000);
            int workers = (int) args.integer(1, "workers", 1, ProcessPool.MAX_WORKERS);
            throw new UnsupportedOperationException("TODO: run " + tasks + " long time tasks in a pool of " + workers);
        });
    }
}
