package ipclab.queues;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import ipclab.ipc.ChildJvm;
import ipclab.ipc.IpcException;
import ipclab.ipc.MessageQueue;
import ipclab.ipc.ProcessQueue;
import ipclab.queues.PoolMessages.Done;
import ipclab.queues.PoolMessages.Failed;
import ipclab.queues.PoolMessages.Job;

/**
 * A pool of worker processes, the course's {@code multiprocessing.Pool}: each worker is a child
 * JVM running {@link PoolWorker}; the pool hands out jobs on a task queue and collects outcomes
 * on a result queue (both {@link ProcessQueue}s, see {@link PoolMessages}).
 *
 * <pre>{@code
 * try (var pool = new ProcessPool(4)) {
 *     List<String> squares = pool.map(Square.class.getName(), List.of("1", "2", "3"));  // [1, 4, 9]
 *     Iterator<String> asTheyFinish = pool.imapUnordered(LongTimeTask.class.getName(), names);
 * }
 * }</pre>
 *
 * <p>How a call runs: a feeder thread puts the call's jobs on the task queue while the caller
 * takes outcomes from the result queue. Putting every job first and reading afterwards would
 * deadlock once both queues are full (16384 bytes each): the workers wait to put results, the
 * caller waits to put jobs. While it waits the caller looks at its workers at least every
 * {@value #POLL_MILLIS} ms: a dead worker fails the call with {@link WorkerDiedException} (the
 * job it held is lost) and breaks the pool. A failed task fails the call with
 * {@link TaskFailedException}; the call's jobs not yet started are taken back, and outcomes of
 * its jobs still running are recognised later by their call number and dropped.
 *
 * <p>The queues get fresh random keys, created exclusively. The pool is for one thread at a
 * time; a new call abandons an unfinished {@code imapUnordered} iterator. {@link #close()}
 * sends one stop message per worker, waits for them and removes the queues; a shutdown hook
 * does it (by killing) if the program exits without closing.
 */
public final class ProcessPool implements AutoCloseable {
    public static final int MAX_WORKERS = 16;
    static final long POLL_MILLIS = 100;
    /** How long {@link #close()} lets the workers finish what they hold before killing them. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** Random keys are drawn below the testkit's key blocks (which start at 0x10000000). */
    private static final int FIRST_KEY = 0x0100_0000;
    private static final int KEY_RANGE = 0x0F00_0000;

    private final ProcessQueue tasks;
    private final ProcessQueue results;
    private final List<Process> workers;
    private final Thread cleanupHook;
    private long calls;
    private Call current;          // the call that may still have jobs out, or null
    private String brokenBecause;  // why no call can run any more, or null
    private boolean closed;

    /** Starts the workers (1 to 16) and makes the two queues. */
    public ProcessPool(int workers) {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("a pool has 1 to " + MAX_WORKERS + " workers, not " + workers);
        }
        var queues = new ArrayList<ProcessQueue>();
        var started = new ArrayList<Process>();
        try {
            queues.add(freshQueue());
            queues.add(freshQueue());
            for (int w = 0; w < workers; w++) started.add(startWorker(queues.get(0), queues.get(1)));
        } catch (RuntimeException e) {
            destroy(started, queues);
            throw e;
        }
        this.tasks = queues.get(0);
        this.results = queues.get(1);
        this.workers = List.copyOf(started);
        this.cleanupHook = new Thread(() -> destroy(this.workers, List.of(tasks, results)), "ProcessPool-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupHook);
    }

    private static ProcessQueue freshQueue() {
        var random = ThreadLocalRandom.current();
        for (int attempt = 1;; attempt++) {
            int key = FIRST_KEY + random.nextInt(KEY_RANGE);
            try {
                MessageQueue.createExclusive(key);
                return ProcessQueue.open(key);
            } catch (IpcException.QueueExistsException e) {
                if (attempt == 100) throw new IpcException("found no free System V key in 100 tries");
            }
        }
    }

    private static Process startWorker(ProcessQueue tasks, ProcessQueue results) {
        try {
            var worker = ChildJvm.builder(PoolWorker.class, Integer.toString(tasks.key()), Integer.toString(results.key()))
                    .redirectOutput(Redirect.DISCARD).redirectError(Redirect.INHERIT).start();
            worker.getOutputStream().close();  // it reads nothing from stdin
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker process: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the task on every input and returns the results in input order. Throws
     * {@link TaskFailedException} for the first task that fails, {@link WorkerDiedException} if a
     * worker dies, {@link IllegalArgumentException} for an unknown task class or an input too
     * large for one message.
     */
    public synchronized List<String> map(String taskClass, List<String> inputs) {
        var call = submit(taskClass, inputs);
        var out = new String[inputs.size()];
        while (call.hasMore()) {
            var done = call.next();
            out[done.index()] = done.result();
        }
        return Arrays.asList(out);
    }

    /**
     * Runs the task on every input and yields the results as the tasks finish. {@code next()}
     * throws what {@link #map} throws; after that the iterator has nothing more.
     */
    public synchronized Iterator<String> imapUnordered(String taskClass, List<String> inputs) {
        var call = submit(taskClass, inputs);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                synchronized (ProcessPool.this) {
                    return call.hasMore();
                }
            }

            @Override
            public String next() {
                synchronized (ProcessPool.this) {
                    if (!call.hasMore()) throw new NoSuchElementException();
                    return call.next().result();
                }
            }
        };
    }

    private Call submit(String taskClass, List<String> inputs) {
        if (closed) throw new IllegalStateException("the pool is closed");
        checkTaskClass(taskClass);
        var jobs = new ArrayList<String>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            String job = PoolMessages.encode(new Job(calls + 1, i, taskClass, inputs.get(i)));
            if (!PoolMessages.fits(job)) {
                throw new IllegalArgumentException("input " + i + " is too large: a job takes " + PoolMessages.bytes(job)
                        + " bytes, one message holds at most " + ProcessQueue.maxMessageBytes());
            }
            jobs.add(job);
        }
        if (current != null) current.abandon();
        checkWorkers();
        current = new Call(++calls, List.copyOf(inputs), jobs);
        return current;
    }

    private static void checkTaskClass(String taskClass) {
        try {
            var type = Class.forName(taskClass, false, ProcessPool.class.getClassLoader());
            if (!Task.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(taskClass + " is not a " + Task.class.getName());
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no task class " + taskClass + " on the classpath");
        }
    }

    /** Fails if a worker has died; the pool is broken from then on. */
    private void checkWorkers() {
        if (brokenBecause == null) {
            for (var worker : workers) {
                if (!worker.isAlive()) {
                    brokenBecause = "worker process " + worker.pid() + " died (exit status " + worker.exitValue()
                            + "); the pool cannot finish its tasks: close it and start a new one";
                }
            }
        }
        if (brokenBecause != null) throw new WorkerDiedException(brokenBecause);
    }

    /** One call of map or imapUnordered: its jobs, the thread that feeds them, what came back. */
    private final class Call {
        private final long id;
        private final List<String> inputs;
        private final Thread feeder;
        private volatile RuntimeException feederFailure;
        private int delivered;
        private boolean over;

        Call(long id, List<String> inputs, List<String> jobs) {
            this.id = id;
            this.inputs = inputs;
            this.over = inputs.isEmpty();
            this.feeder = Thread.ofPlatform().daemon().name("ProcessPool-feeder-" + id).start(() -> feed(jobs));
        }

        private void feed(List<String> jobs) {
            try {
                for (String job : jobs) {
                    if (Thread.currentThread().isInterrupted()) return;
                    tasks.put(job);  // waits while the task queue is full
                }
            } catch (IpcException.WaitInterruptedException e) {
                // the call was abandoned while the queue was full
            } catch (RuntimeException e) {
                feederFailure = e;
            }
        }

        boolean hasMore() {
            return !over;
        }

        /** The next outcome of this call to come back, as a result or as the exception it makes. */
        Done next() {
            try {
                while (true) {
                    checkWorkers();
                    if (feederFailure != null) throw feederFailure;
                    var message = results.poll(Duration.ofMillis(POLL_MILLIS));
                    if (message.isEmpty()) continue;
                    var outcome = PoolMessages.parseOutcome(message.get());
                    if (outcome.call() != id) continue;  // from an abandoned call: nobody waits for it
                    switch (outcome) {
                        case Done done -> {
                            if (++delivered == inputs.size()) finish();
                            return done;
                        }
                        case Failed failed -> throw new TaskFailedException(inputs.get(failed.index()), failed.message());
                    }
                }
            } catch (RuntimeException e) {
                abandon();
                throw e;
            }
        }

        private void finish() {
            over = true;
            joinFeeder();
            current = null;
        }

        /** Stops feeding and takes back the jobs no worker has started. */
        void abandon() {
            over = true;
            feeder.interrupt();
            joinFeeder();
            while (tasks.poll(Duration.ZERO).isPresent()) {
                // a job of this call: the only kind on the task queue between calls
            }
            current = null;
        }

        private void joinFeeder() {
            boolean interrupted = false;
            while (feeder.isAlive()) {
                try {
                    feeder.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the workers with one stop message each, waits for them (killing any still busy after
     * {@link #STOP_WAIT}) and removes both queues. Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or will run
        }
        try {
            if (current != null) current.abandon();
            for (var worker : workers) {
                if (worker.isAlive()) tasks.put(PoolMessages.STOP);
            }
            long deadline = System.nanoTime() + STOP_WAIT.toNanos();
            for (var worker : workers) {
                worker.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IpcException e) {
            // a queue is gone or unusable: the workers are killed below
        } finally {
            destroy(workers, List.of(tasks, results));
        }
    }

    /** Kills whatever worker is still alive and removes the queues. */
    private static void destroy(List<Process> workers, List<ProcessQueue> queues) {
        workers.forEach(Process::destroyForcibly);
        for (var worker : workers) {
            try {
                worker.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        queues.forEach(ProcessQueue::remove);
    }

    @Override
    public String toString() {
        return "ProcessPool[" + workers.size() + " workers, queues " + tasks.key() + " and " + results.key() + "]";
    }
}
