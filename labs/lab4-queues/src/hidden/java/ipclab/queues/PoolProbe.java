package ipclab.queues;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.core.ConditionTimeoutException;

import ipclab.ipc.MessageQueue;
import ipclab.testkit.Timing;

import static org.awaitility.Awaitility.await;

/**
 * Watches what a {@link ProcessPool} made in this JVM, from outside (the pool exposes neither its
 * workers nor its keys).
 * <ul>
 *   <li>Workers: the processes descended from this JVM that were not there when the probe started
 *       (pool tests start no other program).</li>
 *   <li>Queues: the rows of {@code /proc/sysvipc/msg} that were not there when the probe started
 *       and whose last sender or receiver ({@code lspid}, {@code lrpid}) is this JVM or one of
 *       the workers. Other JVMs on the machine make queues at the same time; theirs carry their
 *       own pids. A queue nobody ever sent to or received from is not seen, so a test runs a
 *       whole call before it looks. Without /proc (macOS) no queue is seen.</li>
 * </ul>
 * A test hands its pool to {@link #watch}; {@link #close()} closes it (with a deadline: a
 * {@code close()} that hangs must not hang the test) and then kills and removes whatever is left,
 * so that a broken pool cannot disturb the next test. {@link #closePool()} and
 * {@link #assertNothingLeft()} make a test of it.
 */
final class PoolProbe implements AutoCloseable {
    private static final Path MSG_TABLE = Path.of("/proc/sysvipc/msg");
    /** Linux lists its queues in /proc; elsewhere (macOS) the queue checks are skipped. */
    static final boolean SEES_QUEUES = Files.isReadable(MSG_TABLE);
    static final int CLOSE_SECONDS = 30;

    /** One queue as /proc/sysvipc/msg shows it. */
    record QueueRow(int key, int id, long lastSender, long lastReceiver) {
    }

    private final long self = ProcessHandle.current().pid();
    private final Set<Long> processesBefore = descendantPids();
    private final Set<Integer> queuesBefore = new HashSet<>(queueTable().keySet());
    private final Map<Long, ProcessHandle> seen = new LinkedHashMap<>();
    private ProcessPool pool;
    private boolean poolClosed;

    static PoolProbe start() {
        return new PoolProbe();
    }

    /** Takes the pool to close at the end. */
    ProcessPool watch(ProcessPool pool) {
        this.pool = pool;
        workers();
        return pool;
    }

    /** Closes the pool; fails if close() throws or has not returned after {@value #CLOSE_SECONDS} s. */
    void closePool() {
        poolClosed = true;
        var closing = Calls.inBackground(() -> {
            pool.close();
            return true;
        });
        Calls.resultWithin(closing, Duration.ofSeconds(CLOSE_SECONDS));
    }

    /** The processes started since the probe started that are alive now: the pool's workers. */
    synchronized List<ProcessHandle> workers() {
        var now = ProcessHandle.current().descendants()
                .filter(p -> !processesBefore.contains(p.pid()) && p.isAlive()).toList();
        now.forEach(p -> seen.putIfAbsent(p.pid(), p));
        return now;
    }

    /** Whether this pid is one of the pool's workers (alive now or seen before). */
    synchronized boolean isWorker(long pid) {
        workers();
        return seen.containsKey(pid);
    }

    /** The queues made since the probe started that this JVM or a worker used. */
    synchronized List<QueueRow> queues() {
        workers();
        var ours = new HashSet<>(seen.keySet());
        ours.add(self);
        return queueTable().values().stream()
                .filter(q -> !queuesBefore.contains(q.id()))
                .filter(q -> ours.contains(q.lastSender()) || ours.contains(q.lastReceiver()))
                .toList();
    }

    /** Fails if a worker is alive or a queue of the pool exists (after removing them). */
    void assertNothingLeft() {
        var left = cleanUp();
        if (!left.isEmpty()) {
            throw new AssertionError("after close() the pool left behind (the test removed it now): "
                    + String.join("; ", left));
        }
    }

    @Override
    public void close() {
        try {
            if (pool != null && !poolClosed) closePool();
        } catch (AssertionError e) {
            // a close() that fails is the business of the test that checks it; clean up anyway
        } finally {
            cleanUp();
        }
    }

    private synchronized List<String> cleanUp() {
        workers();
        var left = new ArrayList<String>();
        try {
            // close() has returned, so its workers have exited; give the kernel a moment to say so
            await().atMost(Timing.scaled(Duration.ofSeconds(5))).pollInterval(Duration.ofMillis(20))
                    .until(() -> seen.values().stream().noneMatch(ProcessHandle::isAlive));
        } catch (ConditionTimeoutException e) {
            for (var p : seen.values()) {
                if (p.isAlive()) {
                    left.add("worker process " + p.pid() + " still running");
                    p.destroyForcibly();
                }
            }
        }
        for (var q : queues()) {
            left.add("a message queue with key " + q.key() + " (" + String.format("0x%08x", q.key()) + ")");
            if (q.key() != 0) MessageQueue.removeIfExists(q.key());
        }
        return left;
    }

    private static Set<Long> descendantPids() {
        var pids = new HashSet<Long>();
        ProcessHandle.current().descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /** The queues alive now, by id. */
    private static Map<Integer, QueueRow> queueTable() {
        if (!SEES_QUEUES) return Map.of();
        try {
            var table = new LinkedHashMap<Integer, QueueRow>();
            var lines = Files.readAllLines(MSG_TABLE);
            for (String line : lines.subList(1, lines.size())) {
                // key msqid perms cbytes qnum lspid lrpid uid gid cuid cgid stime rtime ctime
                String[] f = line.trim().split("\\s+");
                var row = new QueueRow(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[5]), Long.parseLong(f[6]));
                table.put(row.id(), row);
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MSG_TABLE, e);
        }
    }
}
