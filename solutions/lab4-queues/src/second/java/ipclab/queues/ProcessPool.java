package ipclab.queues;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
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

/**
 * A pool of worker processes, the second solution's design: every worker has a job queue of
 * its own and holds at most one job; the caller's thread hands the next job to a worker when
 * that worker's answer comes back on the one shared result queue. No feeder thread: no queue
 * ever holds more than one job per worker, so nothing fills and nobody waits on a full queue.
 * A worker still busy with a job of an abandoned call stays busy until its answer arrives (and
 * is dropped), so a later call never gets another call's results.
 *
 * <pre>{@code
 * try (var pool = new ProcessPool(4)) {
 *     List<String> upper = pool.map("my.UpperCaseTask", List.of("a", "b"));
 * }
 * }</pre>
 */
public class ProcessPool implements AutoCloseable {
    private static final Duration LOOK = Duration.ofMillis(100);

    private final List<Process> workers = new ArrayList<>();
    private final List<ProcessQueue> jobQueues = new ArrayList<>();
    private final List<MessageQueue> made = new ArrayList<>();
    private final ProcessQueue answers;
    private final boolean[] busy;
    private final Thread hook = new Thread(this::destroy);
    private long calls;
    private boolean closed;

    public ProcessPool(int workers) {
        if (workers < 1 || workers > 16) throw new IllegalArgumentException("a pool has 1 to 16 workers, not " + workers);
        busy = new boolean[workers];
        try {
            answers = ProcessQueue.open(newQueue());
            for (int w = 0; w < workers; w++) {
                var jobs = ProcessQueue.open(newQueue());
                jobQueues.add(jobs);
                this.workers.add(ChildJvm.builder(WorkerProcess.class, Integer.toString(w), Integer.toString(jobs.key()),
                        Integer.toString(answers.key())).redirectOutput(Redirect.DISCARD).redirectError(Redirect.INHERIT).start());
            }
        } catch (IOException e) {
            destroy();
            throw new UncheckedIOException("could not start a worker", e);
        } catch (RuntimeException e) {
            destroy();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private int newQueue() {
        while (true) {
            int key = 0x0100_0000 + ThreadLocalRandom.current().nextInt(0x0F00_0000);
            try {
                made.add(MessageQueue.createExclusive(key));
                return key;
            } catch (IpcException.QueueExistsException e) {
                // taken: draw another
            }
        }
    }

    public List<String> map(String taskClass, List<String> inputs) {
        var call = new Call(taskClass, inputs);
        var results = new String[inputs.size()];
        while (call.hasNext()) {
            var answer = call.next();
            results[answer.index()] = answer.text();
        }
        return Arrays.asList(results);
    }

    public Iterator<String> imapUnordered(String taskClass, List<String> inputs) {
        var call = new Call(taskClass, inputs);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return call.hasNext();
            }

            @Override
            public String next() {
                return call.next().text();
            }
        };
    }

    private record Answer(int worker, long call, int index, boolean ok, String text) {
        static Answer parse(String message) {
            String[] part = message.split(" ", 5);
            return new Answer(Integer.parseInt(part[0]), Long.parseLong(part[1]), Integer.parseInt(part[2]),
                    part[3].equals("ok"), part.length > 4 ? part[4] : "");
        }
    }

    /** One map or imapUnordered: the jobs not yet handed out, and how many answers are still due. */
    private final class Call {
        private final long id;
        private final List<String> inputs;
        private final ArrayDeque<Integer> waiting = new ArrayDeque<>();
        private final String taskClass;
        private int due;
        private boolean over;

        Call(String taskClass, List<String> inputs) {
            synchronized (ProcessPool.this) {
                if (closed) throw new IllegalStateException("the pool is closed");
                this.id = ++calls;
                this.taskClass = taskClass;
                this.inputs = List.copyOf(inputs);
                for (int i = 0; i < inputs.size(); i++) {
                    if (job(i).getBytes(StandardCharsets.UTF_8).length > ProcessQueue.maxMessageBytes()) {
                        throw new IllegalArgumentException("input " + i + " does not fit in one message");
                    }
                    waiting.add(i);
                }
                due = inputs.size();
                checkWorkers();
                handOut();
            }
        }

        private String job(int index) {
            return id + " " + index + " " + taskClass + " " + inputs.get(index);
        }

        private void handOut() {
            for (int w = 0; w < busy.length && !waiting.isEmpty(); w++) {
                if (!busy[w]) {
                    busy[w] = true;
                    jobQueues.get(w).put(job(waiting.poll()));
                }
            }
        }

        boolean hasNext() {
            synchronized (ProcessPool.this) {
                return !over && due > 0;
            }
        }

        Answer next() {
            synchronized (ProcessPool.this) {
                if (!hasNext()) throw new NoSuchElementException();
                while (true) {
                    checkWorkers();
                    var message = answers.poll(LOOK);
                    if (message.isEmpty()) continue;
                    var answer = Answer.parse(message.get());
                    busy[answer.worker()] = false;
                    if (answer.call() != id || over) {  // another call's: its worker is free again
                        handOut();
                        continue;
                    }
                    if (!answer.ok()) {
                        over = true;  // jobs not handed out are dropped; those running are answered to nobody
                        throw new TaskFailedException(inputs.get(answer.index()), answer.text());
                    }
                    due--;
                    handOut();
                    return answer;
                }
            }
        }

        private void checkWorkers() {
            for (var worker : workers) {
                if (!worker.isAlive()) {
                    over = true;
                    throw new WorkerDiedException("worker process " + worker.pid() + " died (exit status "
                            + worker.exitValue() + "): close this pool and start another");
                }
            }
        }
    }

    /** Stops each worker with a stop message, waits a few seconds for them, kills the rest, removes the queues. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook does the same
        }
        for (int w = 0; w < workers.size(); w++) {
            if (workers.get(w).isAlive()) jobQueues.get(w).put("stop");
        }
        while (answers.poll(Duration.ZERO).isPresent()) {
            // answers nobody will read: a worker waiting to put one then sees its stop message
        }
        for (var worker : workers) {
            try {
                if (!worker.waitFor(5, TimeUnit.SECONDS)) worker.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                worker.destroyForcibly();
            }
        }
        destroy();
    }

    private void destroy() {
        workers.forEach(Process::destroyForcibly);
        made.forEach(MessageQueue::remove);
        made.clear();
    }
}
