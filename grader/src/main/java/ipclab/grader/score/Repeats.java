package ipclab.grader.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Folds the grades of one submission graded several times ({@code --repeat N}) into one: each
 * test counts its runs and passes and takes the majority's verdict (a tie fails: a test must pass
 * more often than not); a test whose verdict differed is unstable, and its message says how often
 * it passed and why it failed when it did.
 *
 * <pre>{@code
 * LabGrade grade = Repeats.combine(List.of(first, second, third));
 * grade.tests().stream().filter(TestOutcome::unstable)...
 * }</pre>
 */
public final class Repeats {
    private Repeats() {
    }

    public static LabGrade combine(List<LabGrade> runs) {
        if (runs.size() == 1) return runs.getFirst();
        var first = runs.stream().filter(g -> g.status() == LabStatus.GRADED).findFirst().orElse(runs.getFirst());
        if (first.status() != LabStatus.GRADED) return first;
        var graded = runs.stream().filter(g -> g.status() == LabStatus.GRADED).toList();
        var tests = new ArrayList<TestOutcome>();
        for (int i = 0; i < first.tests().size(); i++) {
            var test = first.tests().get(i).test();
            int passes = 0;
            long millis = 0;
            TestOutcome failed = null;
            var verdicts = new HashMap<Verdict, Integer>();
            for (var g : graded) {
                var t = g.tests().get(i);
                verdicts.merge(t.verdict(), 1, Integer::sum);
                millis = Math.max(millis, t.millis());
                if (t.verdict() == Verdict.PASSED) passes++;
                else if (failed == null) failed = t;
            }
            int n = graded.size();
            boolean passed = passes * 2 > n;
            Verdict verdict = passed ? Verdict.PASSED : failed.verdict();
            String message = passed ? "" : failed.message();
            if (passes > 0 && passes < n) {
                message = "unstable: passed " + passes + " of " + n + " runs"
                        + (failed == null ? "" : "; when it failed: " + failed.message());
            }
            tests.add(new TestOutcome(test, verdict, message, millis, n, passes));
        }
        var notes = new ArrayList<String>(first.notes());
        for (int r = 0; r < graded.size(); r++) {
            for (String note : graded.get(r).notes()) {
                if (!first.notes().contains(note)) notes.add("run " + (r + 1) + ": " + note);
            }
        }
        if (graded.size() < runs.size())
            notes.add((runs.size() - graded.size()) + " of " + runs.size() + " runs could not grade: "
                    + runs.stream().filter(g -> g.status() != LabStatus.GRADED).map(g -> String.join("; ", g.notes())).findFirst()
                            .orElse(""));
        return LabGrade.of(first.lab(), LabStatus.GRADED, tests, first.compilerErrors(), first.output(), notes,
                Timings.sum(runs.stream().map(LabGrade::timings).toList()), first.key());
    }
}
