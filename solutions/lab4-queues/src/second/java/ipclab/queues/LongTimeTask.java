package ipclab.queues;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The course's "long time task": sleeps a random time of up to one second, as if it were
 * working, and returns how long it took. {@link PoolDemo} runs it in a {@link ProcessPool}.
 *
 * <p>{@code apply("Task-3")} returns {@code "Task-3 0.412345 12345"}: the name it was given, the
 * seconds it ran (a plain decimal number), and the process id of the worker that ran it. Given:
 * do not change.
 */
public final class LongTimeTask implements Task {
    @Override
    public String apply(String name) throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(ThreadLocalRandom.current().nextLong(1000));  // the workload: pretend to work
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "%s %.6f %d", name, seconds, ProcessHandle.current().pid());
    }
}
