package ipclab.queues;

import java.util.Locale;
import java.util.stream.IntStream;

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
 * <p>The actual time counts from handing out the tasks to the last result, so it includes the
 * workers' JVM start-up. Numbers are printed with a decimal point in every locale.
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
            var names = IntStream.range(0, tasks).mapToObj(i -> "Task-" + i).toList();
            double total = 0;
            long start = System.nanoTime();
            try (var pool = new ProcessPool(workers)) {
                var results = pool.imapUnordered(LongTimeTask.class.getName(), names);
                while (results.hasNext()) {
                    String[] result = results.next().split(" ");  // name, seconds, pid
                    double seconds = Double.parseDouble(result[1]);
                    total += seconds;
                    System.out.printf(Locale.ROOT, "%s ran %.2f s in process %s%n", result[0], seconds, result[2]);
                }
            } catch (TaskFailedException | WorkerDiedException e) {
                throw new Cli.Failure(e.getMessage());
            }
            double actual = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "Theoretical total running time: %.2f s%n", total);
            System.out.printf(Locale.ROOT, "Actual running time: %.2f s%n", actual);
            return Cli.OK;
        });
    }
}
