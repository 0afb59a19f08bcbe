package ipclab.queues;

import java.util.HashMap;
import java.util.Map;

import ipclab.ipc.Cli;
import ipclab.ipc.ProcessQueue;
import ipclab.queues.PoolMessages.Done;
import ipclab.queues.PoolMessages.Failed;
import ipclab.queues.PoolMessages.Job;
import ipclab.queues.PoolMessages.Outcome;

/**
 * A worker process of a {@link ProcessPool}: takes jobs from the task queue, runs each, and puts
 * its outcome on the result queue, until it takes a stop message (see {@link PoolMessages}).
 * The pool starts it; it is not meant to be run by hand.
 *
 * <pre>
 * (started by the pool as)  java … ipclab.queues.PoolWorker &lt;task-queue-key&gt; &lt;result-queue-key&gt;
 * </pre>
 *
 * <p>A task's exception becomes a {@code failed} outcome and the worker goes on with the next
 * job. What a task prints goes to stderr: the caller's stdout is the caller's. Each task class
 * is instantiated once per worker.
 */
public final class PoolWorker {
    static final String USAGE = "usage: PoolWorker <task-queue-key> <result-queue-key>";

    private PoolWorker() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE).positional(2, 2);
            var tasks = ProcessQueue.open(Cli.parseKey(args.get(0)));
            var results = ProcessQueue.open(Cli.parseKey(args.get(1)));
            ParentWatch.exitWithParent();
            System.setOut(System.err);
            var instances = new HashMap<String, Task>();
            while (PoolMessages.parseOrder(tasks.take()) instanceof Job job) {
                results.put(PoolMessages.encode(run(job, instances)));
            }
            return Cli.OK;
        });
    }

    private static Outcome run(Job job, Map<String, Task> instances) {
        String result;
        try {
            var task = instances.get(job.taskClass());
            if (task == null) {
                task = instantiate(job.taskClass());
                instances.put(job.taskClass(), task);
            }
            result = task.apply(job.input());
        } catch (Exception e) {
            return failed(job, e.toString());
        }
        if (result == null) return failed(job, "the task returned null");
        var done = new Done(job.call(), job.index(), result);
        if (!PoolMessages.fits(PoolMessages.encode(done))) {
            return failed(job, "the result of " + PoolMessages.bytes(result) + " bytes does not fit in one message"
                    + " (at most " + ProcessQueue.maxMessageBytes() + " bytes)");
        }
        return done;
    }

    private static Task instantiate(String className) throws ReflectiveOperationException {
        try {
            return Class.forName(className).asSubclass(Task.class).getConstructor().newInstance();
        } catch (ClassCastException e) {
            throw new ClassCastException(className + " is not a " + Task.class.getName());
        }
    }

    /** A failure, its message cut to what fits in one message. */
    private static Failed failed(Job job, String message) {
        var failed = new Failed(job.call(), job.index(), message);
        while (!PoolMessages.fits(PoolMessages.encode(failed))) {
            failed = new Failed(job.call(), job.index(), failed.message().substring(0, failed.message().length() / 2) + " …");
        }
        return failed;
    }
}
