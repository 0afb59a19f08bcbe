package ipclab.grader.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import ipclab.grader.score.ExpectedTest;
import ipclab.grader.score.LabGrade;
import ipclab.grader.score.LabStatus;
import ipclab.grader.score.TestOutcome;
import ipclab.grader.score.Timings;
import ipclab.grader.score.Verdict;
import ipclab.testkit.Visibility;

/**
 * A {@link LabGrade} as JSON and back: the shape of a lab in {@code grades.json} (the
 * instructor's file, with every message) and of a cache entry. The records here are the JSON's
 * fields, in order; Jackson maps them.
 *
 * <pre>{@code
 * String text = Json.write(GradeJson.of(grade));
 * LabGrade back = Json.read(text, GradeJson.Lab.class).grade();
 * }</pre>
 */
public final class GradeJson {
    private GradeJson() {
    }

    /** A student x lab: status, points, every test, the compiler's errors, notes, timings, output. */
    public record Lab(String lab, LabStatus status, int points, int maxPoints, String key, List<Test> tests,
                      String compilerErrors, List<String> notes, Timings timings, String output) {

        public LabGrade grade() {
            return LabGrade.of(lab, status, tests.stream().map(Test::outcome).toList(), compilerErrors, output, notes,
                    timings, key);
        }
    }

    /** An expected test and how it ended. */
    public record Test(String name, @JsonProperty("class") String className, String method, String uid, int points,
                       Visibility.Level visibility, Verdict verdict, int earned, long millis, String message,
                       int runs, int passes, boolean unstable) {

        TestOutcome outcome() {
            var test = new ExpectedTest(uid, className, method, name, points, visibility);
            return new TestOutcome(test, verdict, message, millis, runs, passes);
        }
    }

    public static Lab of(LabGrade g) {
        var tests = g.tests().stream().map(t -> new Test(t.test().name(), t.test().className(), t.test().method(), t.test().uid(),
                t.test().points(), t.test().visibility(), t.verdict(), t.earned(), t.millis(), t.message(),
                t.runs(), t.passes(), t.unstable())).toList();
        return new Lab(g.lab(), g.status(), g.points(), g.maxPoints(), g.key(), tests, g.compilerErrors(), g.notes(),
                g.timings(), g.output());
    }
}
