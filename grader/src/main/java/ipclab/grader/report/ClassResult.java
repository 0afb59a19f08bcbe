package ipclab.grader.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ipclab.grader.score.LabGrade;
import ipclab.grader.score.StudentGrade;

/**
 * Everything one grading of a class produced, for the reports: the labs (name to maximum
 * points), every student's grades, how the runs were isolated, and, with {@code --control}, the
 * reference solution's grades from the same run ({@code control}, empty without).
 */
public record ClassResult(Map<String, Integer> labs, List<StudentGrade> students, String sandbox, String graderVersion, Instant when,
                          List<LabGrade> control) {

    public ClassResult {
        control = List.copyOf(control);
    }

    public ClassResult(Map<String, Integer> labs, List<StudentGrade> students, String sandbox, String graderVersion, Instant when) {
        this(labs, students, sandbox, graderVersion, when, List.of());
    }

    /**
     * What the control says is wrong with the run itself: one line per lab on which the reference
     * solution lost a test (empty when it lost none, or without a control).
     */
    public List<String> infrastructureProblems() {
        return control.stream().filter(g -> g.points() < g.maxPoints()).map(g -> "the reference solution lost "
                + g.tests().stream().filter(t -> t.earned() < t.test().points()).map(t -> t.test().shortName()).toList()
                + " on " + g.lab() + " in this run: the machine (load, limits), not the students, failed these tests").toList();
    }
}
