package ipclab.queues;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import ipclab.ipc.MessageQueue;
import ipclab.testkit.Lab;
import ipclab.testkit.Timing;

import static org.assertj.core.api.Assertions.fail;

/**
 * Lets a test decide when pool tasks finish, without timing: a {@link ScriptTask} with input
 * {@link #input(int) "gate K t"} reports that it started (type 1, "t pid"), waits for the test to
 * {@link #open} gate t (type 1000+t), reports that it is done (type 2000+t) and returns "t pid".
 * All on one queue in the test's key block, removed by {@link #close()} (which also ends every
 * task still held: its wait fails).
 */
final class Gates implements AutoCloseable {
    static final long STARTED = 1;
    static final long OPEN = 1000;
    static final long DONE = 2000;
    private static final Duration POLL = Duration.ofMillis(200);

    private final MessageQueue queue;

    Gates(Lab lab) {
        queue = MessageQueue.createExclusive(lab.freshKey());
    }

    /** The input of a ScriptTask held by gate t. */
    String input(int token) {
        return "gate " + queue.key() + " " + token;
    }

    /** Waits until n gate tasks have started; returns their tokens and the pids of the processes running them. */
    Map<Integer, Long> awaitStarted(int n, Duration within) {
        return awaitStarted(n, within, null);
    }

    /**
     * Waits until n gate tasks of this call have started; the call cannot end before (its tasks
     * wait for their gates), so if it does, the test fails at once with what the call threw.
     */
    Map<Integer, Long> awaitStarted(int n, Duration within, CompletableFuture<?> call) {
        var started = new LinkedHashMap<Integer, Long>();
        long deadline = System.nanoTime() + Timing.scaled(within).toNanos();
        while (started.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("only %d of %d tasks were running at the same time after %d s (token=pid: %s)",
                        started.size(), n, within.toSeconds(), started);
            }
            if (call != null && call.isDone()) {
                fail("the call ended when %d of its %d tasks had started, before any could finish: %s",
                        started.size(), n, call.handle((value, thrown) -> thrown != null ? thrown.getCause() : "returned " + value).join());
            }
            queue.receive(STARTED, Duration.ofNanos(Math.min(left, POLL.toNanos()))).ifPresent(m -> {
                String[] parts = m.text().split(" ");
                started.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
            });
        }
        return started;
    }

    void open(int token) {
        queue.send(OPEN + token, "");
    }

    /** Waits until the task of gate t has passed its gate and is about to return. */
    void awaitDone(int token, Duration within) {
        if (queue.receive(DONE + token, Timing.scaled(within)).isEmpty()) {
            fail("the task behind gate %d did not finish within %d s of its gate opening", token, within.toSeconds());
        }
    }

    @Override
    public void close() {
        queue.remove();
    }
}
