package ipclab.grader.sandbox;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One command running in a sandbox: its stdin, stdout and stderr, what its process tree uses, and
 * a kill that ends the whole tree. Closing it kills whatever is left; so does the grader's exit,
 * also on SIGINT or SIGTERM (a shutdown hook kills every box still open; only a SIGKILL of the
 * grader leaves them to their own limits).
 */
public final class Box implements AutoCloseable {
    private static final Set<Box> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(Box::kill), "ipclab-grader-boxes"));
    }

    private final Process process;
    private final LinkedHashSet<ProcessHandle> seen = new LinkedHashSet<>();

    Box(Process process) {
        this.process = process;
        OPEN.add(this);
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public InputStream stdout() {
        return process.getInputStream();
    }

    public InputStream stderr() {
        return process.getErrorStream();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    public boolean waitFor(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The tree's use now; the processes seen are remembered, so that a kill reaches them even once orphaned. */
    public synchronized Usage usage() {
        var usage = Usage.of(process.toHandle());
        seen.addAll(usage.tree());
        return usage;
    }

    /**
     * SIGKILL to every process of the box's tree and its first process, and waits (a little) for
     * them to go. The deepest go first and the box's first process last: a stopped test JVM (a
     * SIGSTOP) must die before any process above it does, because a parent's exit can continue it
     * (the kernel sends SIGCONT to a stopped process group that its exit leaves orphaned), and a
     * continued JVM would report the test that stopped it as passed.
     */
    public synchronized void kill() {
        seen.addAll(Usage.of(process.toHandle()).tree());
        seen.reversed().forEach(ProcessHandle::destroyForcibly);  // seen is breadth-first from the first process
        for (var p : seen) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // it will be reaped by its parent; a process in D state cannot be waited for anyway
            }
        }
    }

    @Override
    public void close() {
        kill();
        OPEN.remove(this);
    }
}
