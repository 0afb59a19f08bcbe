package ipclab.grader.cli;

import java.util.List;
import java.util.function.ToLongFunction;

import ipclab.grader.score.Timings;

/** The line that says where the grading time went, over the student x labs that were run (not cached). */
final class Timing {
    private Timing() {
    }

    static String summary(int count, List<Timings> fresh, long wallMillis, int jobs) {
        var text = new StringBuilder(String.format("%d student x labs in %.1f s, %d at a time", count, wallMillis / 1000.0, jobs));
        if (fresh.isEmpty()) return text.append("; all from the cache or not run").toString();
        return text.append(String.format("; %d graded now, per student x lab on average: %.1f s (compile %.1f s, test JVM start %.1f s,"
                        + " tests %.1f s), %d test JVMs in all", fresh.size(), avg(fresh, Timings::total), avg(fresh, Timings::compile),
                avg(fresh, Timings::jvmStart), avg(fresh, Timings::tests), fresh.stream().mapToInt(Timings::jvms).sum())).toString();
    }

    private static double avg(List<Timings> all, ToLongFunction<Timings> part) {
        return all.stream().mapToLong(part).average().orElse(0) / 1000.0;
    }
}
