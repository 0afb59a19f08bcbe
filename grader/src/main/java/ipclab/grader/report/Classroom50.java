package ipclab.grader.report;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import ipclab.grader.score.StudentGrade;
import ipclab.grader.score.Verdict;

/**
 * {@code classroom50/<student>/result.json}: one student's result in Classroom 50's
 * {@code result/v1} schema: the score of the maximum, and each test the student may see (same
 * visibility as the feedback: after-due-date tests only once released) with its name, whether
 * it passed, and its points.
 *
 * <pre>
 *   {"score": 3, "max-score": 4, "tests": [{"test-name": "lab1: Test › adds", "passed": true, "score": 1, "max-score": 1}, …]}
 * </pre>
 */
public final class Classroom50 {
    private Classroom50() {
    }

    /** The whole result. */
    public record Result(int score, @JsonProperty("max-score") int maxScore, List<Test> tests) {
    }

    /** One test. */
    public record Test(@JsonProperty("test-name") String testName, boolean passed, int score, @JsonProperty("max-score") int maxScore) {
    }

    public static Result render(StudentGrade student, boolean released) {
        var visible = new Visible(released);
        var tests = new ArrayList<Test>();
        for (var lab : student.labs()) {
            for (var t : lab.tests()) {
                if (!visible.listed(t)) continue;
                tests.add(new Test(Cells.shortName(lab.lab()) + ": " + t.test().name(), t.verdict() == Verdict.PASSED, t.earned(),
                        t.test().points()));
            }
        }
        return new Result(tests.stream().mapToInt(Test::score).sum(), tests.stream().mapToInt(Test::maxScore).sum(), tests);
    }
}
