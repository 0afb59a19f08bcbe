package ipclab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ipclab.ipc.MessageQueue;
import ipclab.ipc.SharedSegment;

/**
 * Everything the benchmark creates in the operating system — queues, segments, child JVMs, a
 * temp folder — so that all of it is gone at the end, on success, on error and on Ctrl-C
 * ({@link #close()} is also registered with {@code Cli.removeOnExit}). The smoke test reads the
 * lists to check that nothing was left.
 */
final class Resources implements AutoCloseable {
    private static final int FIRST_KEY = 0x5100_0000;

    private final Set<Integer> keys = new LinkedHashSet<>();
    private final Set<Path> segments = new LinkedHashSet<>();
    private final List<Process> children = new ArrayList<>();
    private Path tempDir;

    /** The first of {@code count} consecutive System V keys that have no queue now. */
    synchronized int freshKeys(int count) {
        var random = ThreadLocalRandom.current();
        search:
        while (true) {
            int first = FIRST_KEY + random.nextInt(0x0F00_0000 / 16) * 16;
            for (int k = first; k < first + count; k++) {
                if (keys.contains(k) || MessageQueue.exists(k)) continue search;
            }
            for (int k = first; k < first + count; k++) keys.add(k);
            return first;
        }
    }

    /** A fresh path for a shared-memory segment, removed at the end. */
    synchronized Path freshSegment(String name) {
        Path path = SharedSegment.newPath("bench-" + name);
        segments.add(path);
        return path;
    }

    /** A child process to end (if it has not) at the end. */
    synchronized Process child(Process process) {
        children.add(process);
        return process;
    }

    /** A folder for files that must not outlive the run. */
    synchronized Path tempDir() {
        if (tempDir == null) {
            try {
                tempDir = Files.createTempDirectory("ipclab-bench-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temp folder: " + e.getMessage(), e);
            }
        }
        return tempDir;
    }

    synchronized Set<Integer> keys() {
        return Set.copyOf(keys);
    }

    synchronized Set<Path> segments() {
        return Set.copyOf(segments);
    }

    synchronized List<Process> children() {
        return List.copyOf(children);
    }

    synchronized Path tempDirOrNull() {
        return tempDir;
    }

    /** Kills the children still running (with their descendants), removes queues, segments and the temp folder. */
    @Override
    public synchronized void close() {
        for (Process child : children) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
        for (Process child : children) {
            try {
                child.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        keys.forEach(MessageQueue::removeIfExists);
        segments.forEach(SharedSegment::remove);
        if (tempDir != null) deleteTree(tempDir);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temp folder that cannot be removed harms nobody; the OS cleans /tmp
        }
    }
}
