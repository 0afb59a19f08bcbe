package ipclab.grader.score;

/**
 * What grading a student x lab cost. Time, in milliseconds: compiling (in the grader's JVM),
 * starting the test JVM up to the harness's first line, running the tests, and all of it.
 * {@code jvms} counts the test JVMs started (more than one when a run had to be restarted).
 * {@code peakMemoryMiB} is the most memory the run's processes held together (the test JVM and
 * every program it started, proportional set size, sampled every 0.2 s; 0 when nothing ran).
 */
public record Timings(long compile, long jvmStart, long tests, long total, int jvms, long peakMemoryMiB) {
    public static final Timings NONE = new Timings(0, 0, 0, 0, 0, 0);

    /** Only time: nothing ran, so no memory was measured. */
    public static Timings untimed(long compile, long total) {
        return new Timings(compile, 0, 0, total, 0, 0);
    }
}
