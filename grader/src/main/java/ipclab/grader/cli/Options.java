package ipclab.grader.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ipclab.grader.Grader;
import ipclab.grader.cache.ResultCache;
import ipclab.grader.sandbox.Limits;
import ipclab.grader.sandbox.PlainSandbox;
import ipclab.grader.sandbox.Sandbox;
import ipclab.grader.submission.Kit;
import picocli.CommandLine.Option;

/** The options every grading command shares: which labs, how many at once, the limits, the cache. */
final class Options {
    @Option(names = "--labs", split = ",", paramLabel = "LAB", description = "Labs to grade, by name or prefix (lab1,lab3); default: all.")
    List<String> labs = new ArrayList<>();

    @Option(names = "--jobs", paramLabel = "N",
            description = "Student x labs graded at once (default: the number of cores, ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--test-threads", paramLabel = "N",
            description = "Tests of one student x lab run at once (default: the number of cores, at least 2: ${DEFAULT-VALUE}).")
    int testThreads = Grader.Settings.defaultTestThreads();

    @Option(names = "--test-timeout", paramLabel = "SECONDS", description = "Limit for every test, after which the run is killed"
            + " (default: 10 x the reference solution's time for the test, at least 10 s, at most 150 s).")
    Integer testTimeout;

    @Option(names = "--run-timeout", paramLabel = "SECONDS", description = "Limit for all the tests of one student x lab"
            + " (default: 3 x the reference solution's suite time + 30 s, at most 900 s).")
    Integer runTimeout;

    @Option(names = "--max-processes", paramLabel = "N", description = "Processes one run may have at once (default: ${DEFAULT-VALUE}).")
    int maxProcesses = Limits.defaults().maxProcesses();

    @Option(names = "--time-factor", paramLabel = "X",
            description = "Stretch the tests' own deadlines on a slow machine (default: ${DEFAULT-VALUE}).")
    double timeFactor = 1.0;

    @Option(names = "--repeat", paramLabel = "N", description = "Grade each submission N times: each test's pass rate is reported, a test"
            + " whose verdict differed is marked unstable, and the majority counts (default: ${DEFAULT-VALUE}).")
    int repeat = 1;

    @Option(names = "--no-cache", description = "Grade everything again, ignoring cached results.")
    boolean noCache;

    @Option(names = "--cache", paramLabel = "DIR", description = "Where results are cached by content (default: .grader/cache in the kit).")
    Path cache;

    @Option(names = "--no-sandbox", description = "Run the tests as plain processes, without namespaces (not for untrusted code).")
    boolean noSandbox;

    Limits limits() {
        var limits = Limits.defaults().withMaxProcesses(maxProcesses);
        if (testTimeout != null) limits = limits.withPerTest(Duration.ofSeconds(testTimeout));
        if (runTimeout != null) limits = limits.withPerRun(Duration.ofSeconds(runTimeout));
        return limits;
    }

    Grader grader(Kit kit) {
        var limits = limits();
        Sandbox sandbox = noSandbox ? new PlainSandbox(limits) : Sandbox.detect(limits, System.err::println);
        Path work;
        try {
            work = Files.createTempDirectory("ipclab-grader-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        work.toFile().deleteOnExit();
        var cacheDir = noCache ? null : cache != null ? cache : kit.root().resolve(".grader/cache");
        var settings = new Grader.Settings(limits, jobs, testThreads, timeFactor, Duration.ofSeconds(120), work, new ResultCache(cacheDir),
                Math.max(1, repeat));
        return new Grader(kit, settings, sandbox);
    }
}
