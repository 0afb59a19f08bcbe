package ipclab.grader.sandbox;

import java.time.Duration;

/**
 * The limits of one run of a lab's tests. At a time limit, or when the run's processes pass a
 * cap, the whole process tree is killed; the grader then restarts the tests that had not
 * reported yet (up to {@code maxRestarts} times), so one hanging test does not lose the others.
 *
 * @param perTest      how long one test may run (a backstop: the tests' own {@code @Timeout}s act first)
 * @param perRun       how long all the runs of one student x lab may take together
 * @param maxProcesses processes alive at once in the run (the test JVM, the programs it starts, theirs)
 * @param maxThreads   threads in all of them together
 * @param maxMemory    resident memory of all of them together, in bytes
 * @param outputCap    bytes of the run's output kept for the feedback (the rest is counted and dropped)
 * @param tmpMegabytes size of the run's own {@code /tmp}, and at most that of its own {@code /dev/shm} (namespace sandbox: 64 MiB, Docker's default)
 * @param maxRestarts  how many times the test JVM may be restarted after a kill or a crash
 * @param perTestFixed whether {@code perTest} is the limit of every test (set by the instructor) rather
 *                     than the ceiling of limits derived from the reference run (see ipclab.grader.run.Reference)
 * @param perRunFixed  the same for {@code perRun}
 */
public record Limits(Duration perTest, Duration perRun, int maxProcesses, int maxThreads, long maxMemory,
                     int outputCap, int tmpMegabytes, int maxRestarts, boolean perTestFixed, boolean perRunFixed) {

    public static Limits defaults() {
        return new Limits(Duration.ofSeconds(150), Duration.ofMinutes(15), 100, 6000, 8L << 30, 64 << 10, 256, 40, false, false);
    }

    /** Every test gets this limit, whatever the reference run took. */
    public Limits withPerTest(Duration d) {
        return new Limits(d, perRun, maxProcesses, maxThreads, maxMemory, outputCap, tmpMegabytes, maxRestarts, true, perRunFixed);
    }

    /** The run gets this limit, whatever the reference run took. */
    public Limits withPerRun(Duration d) {
        return new Limits(perTest, d, maxProcesses, maxThreads, maxMemory, outputCap, tmpMegabytes, maxRestarts, perTestFixed, true);
    }

    public Limits withMaxProcesses(int n) {
        return new Limits(perTest, perRun, n, maxThreads, maxMemory, outputCap, tmpMegabytes, maxRestarts, perTestFixed, perRunFixed);
    }

    /** A short text for cache keys: every limit that can change a result. */
    public String fingerprint() {
        return perTest.toMillis() + (perTestFixed ? "!" : "") + "/" + perRun.toMillis() + (perRunFixed ? "!" : "") + "/" + maxProcesses
                + "/" + maxThreads + "/" + maxMemory + "/" + outputCap + "/" + tmpMegabytes + "/" + maxRestarts;
    }
}
