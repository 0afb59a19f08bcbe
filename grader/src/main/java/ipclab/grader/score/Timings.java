package ipclab.grader.score;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What grading a student x lab cost, as grades.json shows it ({@code timings}). Time, in
 * milliseconds: compiling (in the grader's JVM), starting the test JVM up to the harness's first
 * line, running the tests, and all of it. {@code jvms} counts the test JVMs started (more than one
 * when a run had to be restarted). {@code peakMemoryMiB} is the most memory the run's processes
 * held together (the test JVM and every program it started, proportional set size, sampled every
 * 0.2 s; 0 when nothing ran).
 *
 * <p>Not the testkit's {@code ipclab.testkit.Timing}, which stretches the tests' own deadlines.
 */
public record Timings(long compileMillis, long jvmStartMillis, long testMillis, long totalMillis, int jvms, long peakMemoryMiB) {
    public static final Timings NONE = new Timings(0, 0, 0, 0, 0, 0);

    /** Only time: nothing ran, so no memory was measured. */
    public static Timings untimed(long compileMillis, long totalMillis) {
        return new Timings(compileMillis, 0, 0, totalMillis, 0, 0);
    }

    /** Several runs of the same sources ({@code --repeat}): their times and test JVMs added up, their peak the largest. */
    public static Timings sum(List<Timings> runs) {
        return new Timings(total(runs, Timings::compileMillis), total(runs, Timings::jvmStartMillis), total(runs, Timings::testMillis),
                total(runs, Timings::totalMillis), (int) total(runs, Timings::jvms),
                runs.stream().mapToLong(Timings::peakMemoryMiB).max().orElse(0));
    }

    /**
     * The line that says where the grading time went: {@code count} student x labs in
     * {@code wallMillis}, {@code jobs} at a time, and per student x lab of those run now
     * ({@code fresh}: not cached) the average of each part.
     */
    public static String summary(int count, List<Timings> fresh, long wallMillis, int jobs) {
        var text = new StringBuilder(String.format("%d student x labs in %.1f s, %d at a time", count, wallMillis / 1000.0, jobs));
        if (fresh.isEmpty()) return text.append("; all from the cache or not run").toString();
        return text.append(String.format("; %d graded now, per student x lab on average: %.1f s (compile %.1f s, test JVM start %.1f s,"
                + " tests %.1f s), %d test JVMs in all", fresh.size(), seconds(fresh, Timings::totalMillis),
                seconds(fresh, Timings::compileMillis), seconds(fresh, Timings::jvmStartMillis), seconds(fresh, Timings::testMillis),
                fresh.stream().mapToInt(Timings::jvms).sum())).toString();
    }

    private static long total(List<Timings> runs, ToLongFunction<Timings> part) {
        return runs.stream().mapToLong(part).sum();
    }

    private static double seconds(List<Timings> all, ToLongFunction<Timings> part) {
        return all.stream().mapToLong(part).average().orElse(0) / 1000.0;
    }
}
