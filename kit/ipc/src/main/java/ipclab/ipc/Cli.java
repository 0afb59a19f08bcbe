package ipclab.ipc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The frame every lab program runs in, so that a program's {@code main} is about IPC and not
 * about argument parsing and exit codes. It keeps the labs' contract:
 * <ul>
 *   <li>exit 0 on success; 1 on a runtime failure, after one line {@code error: <message>} on
 *       stderr; 2 on bad arguments, after one {@code usage: } or {@code error: } line;</li>
 *   <li>no stack trace for an error the program expected;</li>
 *   <li>what was registered with {@link #removeOnExit} is removed when the program exits for
 *       any reason: success, error, or SIGINT/SIGTERM;</li>
 *   <li>a child started with {@link ChildJvm#start} never outlives the program: it is killed
 *       before the cleanups run, and once a signal has begun the cleanup no child is started
 *       (the call fails with {@link Failure}, and nothing more is printed). The start and the
 *       signal's cleanup take one lock, so there is no moment between them for a signal to
 *       slip into.</li>
 * </ul>
 *
 * <pre>{@code
 * public static void main(String[] argv) {
 *     Cli.run(() -> {
 *         var args = Cli.Args.parse(argv, "usage: TimeServer [--key K]", "--key").positional(0, 0);
 *         var queue = MessageQueue.createExclusive(args.key());
 *         Cli.removeOnExit(queue::remove);
 *         ...
 *         return Cli.OK;
 *     });
 * }
 * }</pre>
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    /** The body of a program: returns the exit status or throws. */
    @FunctionalInterface
    public interface Body {
        int run() throws Exception;
    }

    /** Something to undo when the program exits. */
    @FunctionalInterface
    public interface Cleanup {
        void run() throws Exception;
    }

    /** Bad arguments: the message is the whole line ({@code usage: …} or {@code error: …}); exit status 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String line) {
            super(line);
        }
    }

    /** A runtime failure the program expected: {@code error: <message>}, exit status 1. */
    public static final class Failure extends RuntimeException {
        public Failure(String message) {
            super(message);
        }
    }

    private static final Deque<Cleanup> CLEANUPS = new ArrayDeque<>();
    private static final Set<Process> CHILDREN = new LinkedHashSet<>();  // started by ChildJvm.start, alive
    private static final Object RUNNING_CLEANUPS = new Object();
    private static volatile boolean exiting;
    private static boolean hookInstalled;

    /** Runs the program, prints its error if any, cleans up, and exits the JVM with its status. */
    public static void run(Body body) {
        int status;
        try {
            status = body.run();
        } catch (UsageException e) {
            status = report(USAGE, e.getMessage());
        } catch (Failure | IpcException | java.io.UncheckedIOException e) {
            status = report(FAILURE, "error: " + e.getMessage());
        } catch (java.io.IOException e) {
            status = report(FAILURE, "error: " + e.getMessage());
        } catch (UnsupportedOperationException e) {  // a starter's "TODO: …" says all there is to say
            status = report(FAILURE, "error: " + e.getMessage());
        } catch (InterruptedException e) {
            status = report(FAILURE, "error: interrupted");
        } catch (Exception e) {
            status = report(FAILURE, "error: " + e);
        }
        System.out.flush();
        runCleanups();
        System.exit(status);
    }

    private static int report(int status, String line) {
        if (!exiting) {  // a signal is ending the program: its cleanup caused this, say nothing
            System.out.flush();
            System.err.println(line);
        }
        return status;
    }

    /**
     * Registers something to remove when the program exits, however it exits (a shutdown hook
     * covers SIGINT and SIGTERM; SIGKILL cannot be caught). Cleanups run last registered first,
     * once each; a failing one does not stop the others.
     */
    public static synchronized void removeOnExit(Cleanup cleanup) {
        installHook();
        CLEANUPS.push(cleanup);
    }

    private static synchronized void installHook() {
        if (hookInstalled) return;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (Cli.class) {  // waits for a child start in progress; none begins after this
                exiting = true;
            }
            runCleanups();
        }, "ipclab-cleanup"));
        hookInstalled = true;
    }

    /**
     * Starts a child for {@link ChildJvm#start}, and kills it when the program exits, before the
     * cleanups run; refuses if a signal is ending the program.
     */
    static synchronized Process startChild(ProcessBuilder builder) throws java.io.IOException {
        if (exiting) throw new Failure("the program is ending: no new child process is started");
        installHook();
        var child = builder.start();
        CHILDREN.add(child);
        child.onExit().thenRun(() -> {
            synchronized (Cli.class) {
                CHILDREN.remove(child);
            }
        });
        return child;
    }

    private static void killChildren() {
        List<Process> alive;
        synchronized (Cli.class) {
            alive = List.copyOf(CHILDREN);
        }
        for (var child : alive) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
        for (var child : alive) {
            try {
                child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Runs the cleanups on one thread at a time: when a signal's hook and the main thread both get
     * here (a cleanup of the hook made the main thread fail), the hook waits until the main
     * thread's cleanups are done; otherwise the JVM could halt in the middle of one.
     */
    private static void runCleanups() {
        synchronized (RUNNING_CLEANUPS) {
            runCleanupsNow();
        }
    }

    private static void runCleanupsNow() {
        killChildren();  // first: they may still use what the cleanups remove
        while (true) {
            Cleanup next;
            synchronized (Cli.class) {
                next = CLEANUPS.poll();
            }
            if (next == null) return;
            try {
                next.run();
            } catch (Exception e) {
                System.err.println("error: cleanup failed: " + e.getMessage());
            }
        }
    }

    /** The status and message of a failed child process, as the labs word it. */
    public static Failure childFailed(int status) {
        return new Failure("child process failed (exit status " + status + ")");
    }

    /**
     * A program's command line: positional arguments and {@code --name value} options. Unknown
     * options, missing values and the wrong number of positional arguments are usage errors.
     */
    public record Args(String usage, List<String> positional, Map<String, String> options) {

        /** Parses argv; {@code valueOptions} are the options that take a value, e.g. {@code "--key"}. */
        public static Args parse(String[] argv, String usage, String... valueOptions) {
            var known = Set.of(valueOptions);
            var positional = new ArrayList<String>();
            var options = new HashMap<String, String>();
            for (int i = 0; i < argv.length; i++) {
                String arg = argv[i];
                if (arg.equals("--")) {
                    positional.addAll(List.of(argv).subList(i + 1, argv.length));
                    break;
                }
                if (arg.startsWith("--") || (arg.startsWith("-") && arg.length() > 1 && !isNumber(arg))) {
                    String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                    if (!known.contains(name)) throw new UsageException(usage + " (unknown option " + name + ")");
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < argv.length) {
                        value = argv[++i];
                    } else {
                        throw new UsageException(usage + " (" + name + " needs a value)");
                    }
                    if (options.put(name, value) != null) throw new UsageException(usage + " (" + name + " given twice)");
                } else {
                    positional.add(arg);
                }
            }
            return new Args(usage, List.copyOf(positional), Map.copyOf(options));
        }

        private static boolean isNumber(String s) {
            return s.matches("-\\d+");
        }

        /** Checks that there are between min and max positional arguments. */
        public Args positional(int min, int max) {
            if (positional.size() < min || positional.size() > max) throw new UsageException(usage);
            return this;
        }

        public String get(int index) {
            return positional.get(index);
        }

        /** The System V key of {@code --key K} (decimal or 0x hex), or the course's 128. */
        public int key() {
            String text = options.get("--key");
            return text == null ? MessageQueue.DEFAULT_KEY : parseKey(text);
        }

        /** Positional argument {@code index}, an integer between min and max (inclusive), named {@code name} in errors. */
        public long integer(int index, String name, long min, long max) {
            return Cli.integer(positional.get(index), name, min, max);
        }
    }

    /** Parses an integer between min and max, or throws a usage error that names the range. */
    public static long integer(String text, String name, long min, long max) {
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new UsageException("error: " + name + " must be an integer from " + min + " to " + max + ", got '" + text + "'");
    }

    /** Parses a System V key: decimal or {@code 0x} hex, from 1 to 0x7fffffff. */
    public static int parseKey(String text) {
        try {
            String t = text.strip();
            long value = t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (value >= 1 && value <= Integer.MAX_VALUE) return (int) value;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("error: a key must be an integer from 1 to 2147483647 (decimal or 0x hex), got '" + text + "'");
    }
}
