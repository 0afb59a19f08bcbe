package ipclab.grader.score;

/**
 * Where a student x lab's grading time went, in milliseconds: compiling (in the grader's JVM),
 * starting the test JVM up to the harness's first line, running the tests, and all of it.
 * {@code jvms} counts the test JVMs started (more than one when a run had to be restarted).
 */
public record Timings(long compile, long jvmStart, long tests, long total, int jvms) {
    public static final Timings NONE = new Timings(0, 0, 0, 0, 0);
}
