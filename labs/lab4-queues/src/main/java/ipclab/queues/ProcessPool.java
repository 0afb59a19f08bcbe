package ipclab.queues;

import java.util.Iterator;
import java.util.List;

/**
 * A pool of worker processes, the course's {@code multiprocessing.Pool}: each worker is a child
 * JVM running {@link PoolWorker}; the pool hands out jobs on a task queue and collects outcomes
 * on a result queue (both {@code ProcessQueue}s).
 *
 * <pre>{@code
 * try (var pool = new ProcessPool(4)) {
 *     List<String> squares = pool.map(Square.class.getName(), List.of("1", "2", "3"));  // [1, 4, 9]
 *     Iterator<String> asTheyFinish = pool.imapUnordered(LongTimeTask.class.getName(), names);
 * }
 * }</pre>
 *
 * <p>What to do (the README explains each point):
 * <ul>
 *   <li>pick fresh keys for the two queues yourself: random keys, created exclusively, another
 *       try when a key is taken;</li>
 *   <li>do not put every job before reading any result: when both queues are full the workers
 *       wait for you and you wait for them (a feeder thread that puts the jobs while the caller
 *       takes the results avoids it);</li>
 *   <li>while a call waits for results, look at the workers regularly ({@code Process.isAlive}):
 *       a dead worker means {@link WorkerDiedException}, never a hang;</li>
 *   <li>tag every job with a call number, so that results of a call that failed earlier are
 *       recognised and dropped;</li>
 *   <li>no method declares a checked exception: wrap an {@code IOException} in an
 *       {@code UncheckedIOException}.</li>
 * </ul>
 */
public final class ProcessPool implements AutoCloseable {
    public static final int MAX_WORKERS = 16;

    /**
     * Starts the workers (1 to 16; anything else is an {@link IllegalArgumentException}) and
     * makes the two queues.
     */
    public ProcessPool(int workers) {
        throw new UnsupportedOperationException("TODO: start " + workers + " workers");
    }

    /**
     * Runs the task (a class implementing {@link Task}, by name) on every input and returns the
     * results in input order. Throws {@link TaskFailedException} for the first task that fails
     * and {@link WorkerDiedException} if a worker dies.
     */
    public List<String> map(String taskClass, List<String> inputs) {
        throw new UnsupportedOperationException("TODO: map");
    }

    /**
     * Runs the task on every input and yields the results as the tasks finish. {@code next()}
     * throws what {@link #map} throws.
     */
    public Iterator<String> imapUnordered(String taskClass, List<String> inputs) {
        throw new UnsupportedOperationException("TODO: imapUnordered");
    }

    /** Stops the workers with one stop message each, waits for them and removes both queues. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO: close");
    }
}
