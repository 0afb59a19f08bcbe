package ipclab.queues;

import java.util.ArrayList;
import java.util.Locale;

/**
 * The course's pool demonstration on the second solution's {@link ProcessPool}: {@code Task-0}
 * … run as {@link LongTimeTask}s, one line each as they finish, then the two times.
 *
 * <pre>
 * $ ./run PoolDemo 3 2
 * Task-1 took 0.204 s (worker 51230)
 * Task-0 took 0.731 s (worker 51229)
 * Task-2 took 0.402 s (worker 51230)
 * Theoretical total running time: 1.337 s
 * Actual running time: 1.902 s
 * </pre>
 */
public final class PoolDemo {
    private PoolDemo() {
    }

    public static void main(String[] argv) {
        Launch.main("PoolDemo <tasks> <workers>   (tasks 0 to 1000, workers 1 to 16)", argv, false, options -> {
            options.expect(2);
            int tasks = options.number(0, "tasks", 0, 1000);
            int workers = options.number(1, "workers", 1, 16);
            var names = new ArrayList<String>();
            for (int i = 0; i < tasks; i++) names.add("Task-" + i);
            double sum = 0;
            try (var pool = new ProcessPool(workers)) {
                long start = System.nanoTime();
                for (var results = pool.imapUnordered(LongTimeTask.class.getName(), names); results.hasNext();) {
                    String[] result = results.next().split(" ");
                    double seconds = Double.parseDouble(result[1]);
                    sum += seconds;
                    System.out.println(String.format(Locale.ROOT, "%s took %.3f s (worker %s)", result[0], seconds, result[2]));
                }
                double actual = (System.nanoTime() - start) / 1e9;
                System.out.println(String.format(Locale.ROOT, "Theoretical total running time: %.3f s", sum));
                System.out.println(String.format(Locale.ROOT, "Actual running time: %.3f s", actual));
            } catch (TaskFailedException | WorkerDiedException e) {
                throw new Launch.Failure(e.getMessage());
            }
        });
    }
}
