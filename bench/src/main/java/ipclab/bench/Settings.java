package ipclab.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How long and how much to measure. Every measurement warms up first (the JIT compiles the hot
 * paths, the kernel's buffers are faulted in), then takes {@code runs} timed runs of {@code run}
 * each; {@code maxIterations} caps the messages per warm-up or run (the smoke test uses a few
 * hundred, so it proves each benchmark works without timing anything).
 *
 * @param sizes        message sizes in bytes, small first
 * @param batchItems   items per trip in the batched variant ({@code batchItems × batchItemBytes}
 *                     bytes per message)
 * @param startupRuns  child JVMs started per start-up variant
 * @param serverClients how many clients at once load Lab 2's time server and Lab 5's key-value server
 * @param timeServer   where Lab 2's compiled TimeServer is: "" to look for it, "mini" for the
 *                     bench's own stand-in, else a class path
 * @param suites       which suites to run (see {@link #ALL_SUITES})
 * @param python       the Python 3 to run the course's equivalents with, or "" to look for one,
 *                     or "none" to skip them
 * @param out          where the CSV and the plot go
 */
record Settings(Duration warmup, Duration run, int runs, long maxIterations,
                List<Integer> sizes, int batchItems, int batchItemBytes, int startupRuns,
                List<Integer> serverClients, String timeServer, Set<String> suites, String python, Path out) {

    static final List<String> ALL_SUITES = List.of("pipe", "mq", "pq", "shm", "unix", "tcp", "conn", "conn-auth", "python", "state",
            "startup",
            "timeserver", "kv");
    static final List<Integer> SIZES = List.of(64, 8 * 1024, 64 * 1024, 1024 * 1024);

    /** About a minute on a 2-core machine, Python included. */
    static Settings standard(Path out) {
        return new Settings(Duration.ofMillis(200), Duration.ofMillis(200), 3, Long.MAX_VALUE,
                SIZES, 64, 64, 6, List.of(1, 4, 16), "", Set.copyOf(ALL_SUITES), "", out);
    }

    /** Half the time, fewer runs: a first look. */
    static Settings quick(Path out) {
        return new Settings(Duration.ofMillis(100), Duration.ofMillis(100), 2, Long.MAX_VALUE,
                SIZES, 64, 64, 3, List.of(1, 4, 16), "", Set.copyOf(ALL_SUITES), "", out);
    }

    /**
     * A few hundred messages per measurement: proves everything runs, measures nothing. The time
     * server is the bench's own, so the result does not hang on another module's build.
     */
    static Settings smoke(Path out) {
        return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(5), 1, 200,
                SIZES, 64, 64, 1, List.of(1, 3), "mini", Set.copyOf(ALL_SUITES), "", out);
    }

    boolean runs(String suite) {
        return suites.contains(suite);
    }

    int batchBytes() {
        return batchItems * batchItemBytes;
    }

    Settings withSuites(Set<String> chosen) {
        return new Settings(warmup, run, runs, maxIterations, sizes, batchItems, batchItemBytes, startupRuns,
                serverClients, timeServer, Set.copyOf(chosen), python, out);
    }

    Settings withPython(String chosen) {
        return new Settings(warmup, run, runs, maxIterations, sizes, batchItems, batchItemBytes, startupRuns,
                serverClients, timeServer, suites, chosen, out);
    }

    Settings withTimeServer(String chosen) {
        return new Settings(warmup, run, runs, maxIterations, sizes, batchItems, batchItemBytes, startupRuns,
                serverClients, chosen, suites, python, out);
    }

    Settings withOut(Path chosen) {
        return new Settings(warmup, run, runs, maxIterations, sizes, batchItems, batchItemBytes, startupRuns,
                serverClients, timeServer, suites, python, chosen);
    }
}
