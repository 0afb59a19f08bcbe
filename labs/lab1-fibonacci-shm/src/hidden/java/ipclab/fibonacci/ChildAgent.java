package ipclab.fibonacci;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Properties;

import ipclab.ipc.SharedSegment;

/**
 * A Java agent that the hidden tests load into every JVM a lab program starts (through
 * {@code JAVA_TOOL_OPTIONS}, which a child inherits with the rest of its parent's environment);
 * see {@link ChildWatch}. It is not part of the lab: it lets a test see which processes a
 * program really starts, and stand in for a child to check what the parent does with it.
 *
 * <p>Its argument is {@code <test-pid>,<report-dir>,<action>}. Before {@code main} runs, every
 * JVM writes {@code <report-dir>/<pid>.properties} (its pid, its parent's pid, main class,
 * arguments, and the size of the file its first argument names, if that is a file). The action
 * applies only to the JVMs the program started, not to the program itself (whose parent is the
 * test):
 * <ul>
 *   <li>{@code none}: the child's own {@code main} runs;</li>
 *   <li>{@code exit=S}: the child exits with status S at once and touches nothing;</li>
 *   <li>{@code mark}: the child writes {@link #mark(int) mark(i)} into slots 0 … n-1 of the
 *       segment it was given ({@code <path> <n>}) and exits 0;</li>
 *   <li>{@code fib-then-exit=S}: it writes the right sequence there, then exits with S;</li>
 *   <li>{@code hang}: it never finishes (until killed).</li>
 * </ul>
 * One class with no nested classes, so that its bytes alone make the agent jar.
 */
public final class ChildAgent {
    /** A segment smaller than the n slots a stand-in child was asked to fill. */
    static final int TOO_SMALL = 86;

    private ChildAgent() {
    }

    /** What the {@code mark} stand-in writes into slot i: no Fibonacci number, and negative. */
    public static long mark(int i) {
        return -(1000L + 7L * i);
    }

    public static void premain(String argument) throws Exception {
        String[] parts = argument.split(",", 3);
        long testPid = Long.parseLong(parts[0]);
        Path reports = Path.of(parts[1]);
        String action = parts[2];
        String[] command = System.getProperty("sun.java.command", "").split(" ");
        String[] args = Arrays.copyOfRange(command, 1, command.length);
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        boolean startedByProgram = parent != testPid;
        report(reports, command[0], args, parent, startedByProgram);
        if (!startedByProgram || action.equals("none")) return;

        if (action.startsWith("exit=")) {
            System.exit(Integer.parseInt(action.substring("exit=".length())));
        } else if (action.equals("mark")) {
            fill(args, true);
            System.exit(0);
        } else if (action.startsWith("fib-then-exit=")) {
            fill(args, false);
            System.exit(Integer.parseInt(action.substring("fib-then-exit=".length())));
        } else if (action.equals("hang")) {
            Thread.currentThread().join();
        } else {
            throw new IllegalArgumentException("unknown action " + action);
        }
    }

    /** Writes marks or the Fibonacci sequence into the n slots of the segment named by args. */
    private static void fill(String[] args, boolean marks) {
        int n = Integer.parseInt(args[1]);
        try (var shm = SharedSegment.open(Path.of(args[0]))) {
            if (shm.slots() < n) System.exit(TOO_SMALL);
            long previous = 1;
            long current = 0;  // F(i) when slot i is written, previous = F(i-1)
            for (int i = 0; i < n; i++) {
                shm.set(i, marks ? mark(i) : current);
                long next = previous + current;  // may overflow past F(92): never written
                previous = current;
                current = next;
            }
        }
    }

    private static void report(Path reports, String mainClass, String[] args, long parent, boolean startedByProgram) {
        long pid = ProcessHandle.current().pid();
        var report = new Properties();
        report.setProperty("pid", Long.toString(pid));
        report.setProperty("ppid", Long.toString(parent));
        report.setProperty("main", mainClass);
        report.setProperty("args", String.join(" ", args));
        report.setProperty("startedByProgram", Boolean.toString(startedByProgram));
        long bytes = -1;
        try {
            if (args.length > 0 && Files.isRegularFile(Path.of(args[0]))) bytes = Files.size(Path.of(args[0]));
        } catch (IOException | RuntimeException e) {
            // not a file we can measure: reported as -1
        }
        report.setProperty("segmentBytes", Long.toString(bytes));
        Path partial = reports.resolve(pid + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            report.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {  // the test sees a whole report or none
            Files.move(partial, reports.resolve(pid + ".properties"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
