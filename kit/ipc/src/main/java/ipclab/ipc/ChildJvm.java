package ipclab.ipc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * JVM start fast and stay small (serial GC, C1 only, no perf-data file, an 8 MiB initial heap
 * that grows when the program needs it); the system property {@code ipclab.child.jvmOptions}
 * adds more (space-separated), e.g. {@code -Xmx64m}. A parent must wait for its children, or
 * kill them, before it exits.
 *
 * <p>The options are written once, as two JDK argument files beside this class
 * ({@code jvm.args}: every JVM of the kit; {@code child-jvm.args}: a lab program's JVM besides),
 * which {@code ./run}, {@code bench/run} and the build's test JVMs pass to {@code java} as
 * {@code @file} and this class reads into {@link #JVM_OPTIONS}: a program started with
 * {@code ./run} and the same program started by its parent get the same JVM.
 *
 * <p>Where the system property {@value #AOT_CACHE} names a readable file, children start with
 * that JDK AOT cache (the grader makes one per kit build from {@code AotTraining}: a child then
 * starts about a third faster) and pass the property on to their own children. A cache that
 * does not fit this JDK or these options is skipped, silently: the program's output stays its own.
 */
public final class ChildJvm {
    /** The options every child JVM gets: those of {@code jvm.args}, then those of {@code child-jvm.args}. */
    public static final List<String> JVM_OPTIONS = List.copyOf(readArgumentFiles("jvm.args", "child-jvm.args"));

    /** The system property that names the AOT cache children start with (none if unset). */
    public static final String AOT_CACHE = "ipclab.aotCache";

    private static final Path ENV = Path.of("/usr/bin/env");
    private static final boolean SIGINT_IGNORED = sigintIgnored();

    private ChildJvm() {
    }

    /**
     * The options in these argument files, resources beside this class, in order. The files use
     * the part of the JDK's {@code @file} syntax that options need: options separated by white
     * space, a {@code #} at the start of one begins a comment to the end of the line. Quotes,
     * which the JDK would read as such, are refused, so that {@code java @file} and this method
     * never read a file differently.
     */
    static List<String> readArgumentFiles(String... names) {
        var options = new ArrayList<String>();
        for (String name : names) {
            String text;
            try (var in = ChildJvm.class.getResourceAsStream(name)) {
                if (in == null) throw new IllegalStateException("the support library has no " + name + " beside ChildJvm: rebuild it");
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name + " beside ChildJvm: " + e.getMessage(), e);
            }
            for (String line : text.split("\\R")) {
                for (String option : line.strip().split("\\s+")) {
                    if (option.startsWith("#")) break;
                    if (option.isEmpty()) continue;
                    if (option.contains("\"") || option.contains("'")) {
                        throw new IllegalStateException(name + ": quoted options are not supported (" + option + ")");
                    }
                    options.add(option);
                }
            }
        }
        return options;
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
