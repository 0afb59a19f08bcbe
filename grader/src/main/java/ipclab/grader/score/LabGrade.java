package ipclab.grader.score;

import java.util.List;

/**
 * One student's result on one lab: status, points earned of the maximum, every expected test's
 * outcome, and what the student should see about the build and the run.
 *
 * @param compilerErrors javac's errors when the code did not compile (else empty)
 * @param output         what the tests and the student's code printed (capped)
 * @param notes          facts for the instructor and the student: ignored files, lines refused on the results channel, kills
 * @param key            the cache key this result was computed for
 */
public record LabGrade(String lab, LabStatus status, int points, int maxPoints, List<TestOutcome> tests,
                       String compilerErrors, String output, List<String> notes, Timings timings, String key) {

    public LabGrade {
        tests = List.copyOf(tests);
        notes = List.copyOf(notes);
        compilerErrors = compilerErrors == null ? "" : compilerErrors;
        output = output == null ? "" : output;
    }

    /** A grade from outcomes: the points are the sum of what the passed tests are worth. */
    public static LabGrade of(String lab, LabStatus status, List<TestOutcome> tests, String compilerErrors, String output,
                              List<String> notes, Timings timings, String key) {
        int points = tests.stream().mapToInt(TestOutcome::earned).sum();
        int max = tests.stream().mapToInt(t -> t.test().points()).sum();
        return new LabGrade(lab, status, points, max, tests, compilerErrors, output, notes, timings, key);
    }

    /** The tests whose verdict differed between the runs of a {@code --repeat} grading. */
    public List<TestOutcome> unstableTests() {
        return tests.stream().filter(TestOutcome::unstable).toList();
    }

    /** Every expected test not run, for a lab that was not graded. */
    public static LabGrade notRun(String lab, LabStatus status, List<ExpectedTest> expected, String compilerErrors,
                                  List<String> notes, Timings timings, String key) {
        var tests = expected.stream().map(t -> new TestOutcome(t, Verdict.NOT_RUN, status.words(), 0)).toList();
        return of(lab, status, tests, compilerErrors, "", notes, timings, key);
    }
}
