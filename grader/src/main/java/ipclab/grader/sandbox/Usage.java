package ipclab.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a run's process tree uses now: processes, threads and memory, read from {@code /proc}
 * (processes only where there is none). Memory is the tree's proportional set size (PSS, from
 * {@code /proc/<pid>/smaps_rollup}): a page that several processes share, such as the JDK's
 * own code, counts once in all, as in a container's memory limit, and not once per JVM as a sum
 * of resident sizes would. Where {@code smaps_rollup} cannot be read, it is the sum of resident
 * sizes (an overestimate). The tree is found
 * from the host's side (descendants of the box's first process), where a child that escaped
 * with {@code setsid} or a double fork is still a descendant of the box.
 *
 * <p>{@code jvmStopped} says that the box's outermost JVM (the test JVM, not a program it started)
 * is stopped (state T: a SIGSTOP), so that nothing in it can finish or time out any more.
 */
public record Usage(int processes, int threads, long memoryBytes, boolean jvmStopped, List<ProcessHandle> tree) {
    private static final long PAGE = 4096;
    private static final boolean PROC = Files.isDirectory(Path.of("/proc/self"));

    public static Usage of(ProcessHandle root) {
        var tree = new ArrayList<ProcessHandle>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        int threads = 0;
        long rss = 0;
        boolean jvmStopped = false;
        if (PROC) {
            for (var p : tree) {
                try {
                    String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    threads += Integer.parseInt(f[17]);   // field 20 of stat: num_threads
                    rss += proportional(p).orElse(Long.parseLong(f[21]) * PAGE);  // field 24 of stat: rss in pages
                    if (f[0].equals("T") && isJava(p) && p.parent().filter(Usage::isJava).isEmpty()) jvmStopped = true;
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        }
        return new Usage(tree.size(), threads, rss, jvmStopped, tree);
    }

    /** The process's proportional set size in bytes, if {@code smaps_rollup} says it. */
    private static OptionalLong proportional(ProcessHandle p) {
        try (var lines = Files.lines(Path.of("/proc", Long.toString(p.pid()), "smaps_rollup"))) {
            return lines.filter(l -> l.startsWith("Pss:")).findFirst()
                    .map(l -> OptionalLong.of(Long.parseLong(l.substring(4).strip().split("\\s+")[0]) * 1024))
                    .orElse(OptionalLong.empty());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean isJava(ProcessHandle p) {
        return p.info().command().filter(c -> c.endsWith("/java")).isPresent();
    }

    /** Why the usage breaks the limits, or null if it does not. */
    public String breach(Limits limits) {
        if (processes > limits.maxProcesses()) return "the run had more than " + limits.maxProcesses() + " processes (a fork bomb?)";
        if (threads > limits.maxThreads()) return "the run had more than " + limits.maxThreads() + " threads";
        if (memoryBytes > limits.maxMemory()) return "the run used more than " + (limits.maxMemory() >> 20) + " MiB of memory";
        return null;
    }
}
