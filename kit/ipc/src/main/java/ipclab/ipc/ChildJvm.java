package ipclab.ipc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts a class's {@code main} as a child process: a new JVM of the same JDK, with the same
 * classpath and native access. Java has no {@code fork}; this is the kit's answer to the
 * course's {@code Process(target=f, args=...)}. The child shares nothing with its parent but
 * what the operating system shares: files, pipes, queues, shared memory.
 *
 * <pre>{@code
 * Process child = ChildJvm.start(FibonacciChild.class, path.toString(), "10"); // output: the terminal
 * int status = child.waitFor();                                                // like join()
 *
 * Process worker = ChildJvm.builder(SquareWorker.class).start();  // stdin/stdout piped to us
 * }</pre>
 *
 * <p>The child gets {@code --enable-native-access=ALL-UNNAMED} and options that make a small
 * JVM start fast and stay small (serial GC, no perf-data file, an 8 MiB initial heap that grows
 * when the program needs it: the JVM's default initial heap, 1/64 of the machine's memory,
 * costs a short program about 100 MiB of touched memory before its first collection); the system property
 * {@code ipclab.child.jvmOptions} adds more (space-separated), e.g. {@code -Xmx64m}. A
 * parent must wait for its children, or kill them, before it exits.
 *
 * <p>Where the system property {@value #AOT_CACHE} names a readable file, children start with
 * that JDK AOT cache (the grader makes one per kit build from {@code AotTraining}: a child then
 * starts about a third faster) and pass the property on to their own children. A cache that
 * does not fit this JDK or these options is skipped, silently: the program's output stays its own.
 */
public final class ChildJvm {
    /** The options every child JVM gets. */
    public static final List<String> JVM_OPTIONS = List.of(
            "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData", "-Xss512k", "-Xms8m");

    /** The system property that names the AOT cache children start with (none if unset). */
    public static final String AOT_CACHE = "ipclab.aotCache";

    private static final Path ENV = Path.of("/usr/bin/env");
    private static final boolean SIGINT_IGNORED = sigintIgnored();

    private ChildJvm() {
    }

    /** Whether SIGINT is ignored in this process (Linux: bit 2 of SigIgn in /proc/self/status), and env can undo it. */
    private static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & (1L << 1)) != 0
                            && Files.isExecutable(ENV);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: nothing to read, nothing to undo
        }
        return false;
    }

    /**
     * The command line that runs {@code mainClass} with {@code args} in a new JVM. If this process
     * ignores SIGINT (it was started in the background by a shell without job control, as
     * {@code nohup cmd &} does, and the JVM keeps an ignored SIGINT ignored), the child would
     * ignore Ctrl-C too, and every "Ctrl-C cleans up" test would hang; so the child then starts
     * through {@code env --default-signal=INT}, which gives it the default back.
     */
    public static List<String> command(String mainClass, List<String> args) {
        var command = new ArrayList<String>();
        if (SIGINT_IGNORED) command.addAll(List.of(ENV.toString(), "--default-signal=INT"));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        String extra = System.getProperty("ipclab.child.jvmOptions", "").strip();
        if (!extra.isEmpty()) command.addAll(Arrays.asList(extra.split("\\s+")));
        String aot = System.getProperty(AOT_CACHE, "");
        if (!aot.isEmpty() && Files.isReadable(Path.of(aot))) {
            command.addAll(List.of("-XX:AOTCache=" + aot, "-Xlog:aot=off", "-D" + AOT_CACHE + "=" + aot));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * A process builder for the child, with stdin, stdout and stderr piped to this process. If
     * this JVM runs in a locale whose charset is not UTF-8 (the POSIX locale of a bare CI
     * machine), the child gets {@code LC_ALL=C.UTF-8}, so that the arguments it passes on to its
     * own children keep their non-ASCII characters.
     */
    public static ProcessBuilder builder(String mainClass, String... args) {
        var builder = new ProcessBuilder(command(mainClass, List.of(args)));
        if (!"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding", "UTF-8"))) {
            builder.environment().put("LC_ALL", "C.UTF-8");
        }
        return builder;
    }

    public static ProcessBuilder builder(Class<?> mainClass, String... args) {
        return builder(mainClass.getName(), args);
    }

    /**
     * Starts the child with this process's stdin, stdout and stderr, as the course's
     * {@code Process.start()}. The child never outlives this program (see {@link Cli}): it is
     * killed when the program exits, also on Ctrl-C, and a program that a signal is ending starts
     * none ({@link Cli.Failure}).
     */
    public static Process start(Class<?> mainClass, String... args) {
        return start(builder(mainClass, args).inheritIO());
    }

    private static Process start(ProcessBuilder builder) {
        try {
            return Cli.startChild(builder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM: " + e.getMessage(), e);
        }
    }
}
