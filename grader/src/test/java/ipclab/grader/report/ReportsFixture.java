package ipclab.grader.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

import ipclab.grader.score.ExpectedTest;
import ipclab.grader.score.LabGrade;
import ipclab.grader.score.LabStatus;
import ipclab.grader.score.StudentGrade;
import ipclab.grader.score.TestOutcome;
import ipclab.grader.score.Timings;
import ipclab.grader.score.Verdict;
import ipclab.testkit.Visibility.Level;

/** A small class graded by hand, for the reports' tests: one student, a graded lab and one that did not compile. */
public class ReportsFixture {
    public static final ExpectedTest PUBLIC = test("PublicTest", "adds", 1, Level.VISIBLE);
    public static final ExpectedTest HIDDEN = test("HiddenTest", "addsNegative", 2, Level.HIDDEN);
    public static final ExpectedTest LATER = test("HiddenTest", "addsLarge", 3, Level.AFTER_DUE_DATE);

    public static ExpectedTest test(String cls, String method, int points, Level visibility) {
        return new ExpectedTest("[class:" + cls + "]/[method:" + method + "()]", "ipclab.echo." + cls, method, cls + " › " + method, points,
                visibility);
    }

    public static LabGrade lab1() {
        return LabGrade.of("lab1-fibonacci-shm", LabStatus.GRADED, List.of(
                new TestOutcome(PUBLIC, Verdict.FAILED, "expected: 5 <but was: 6> & \"more\"", 12),
                new TestOutcome(HIDDEN, Verdict.FAILED, "SECRET hidden detail", 30),
                new TestOutcome(LATER, Verdict.PASSED, "", 40)), "", "printed", List.of("ignored x.txt (outside package)"),
                new Timings(1000, 200, 3000, 4500, 1, 300), "k1");
    }

    public static LabGrade lab2NotCompiled() {
        return LabGrade.notRun("lab2-time-server-mq", LabStatus.NOT_COMPILED, List.of(PUBLIC), "A.java:3: error: ';' expected\n", List.of(),
                Timings.NONE, "k2");
    }

    public static ClassResult result() {
        var labs = new LinkedHashMap<String, Integer>();
        labs.put("lab1-fibonacci-shm", 6);
        labs.put("lab2-time-server-mq", 1);
        return new ClassResult(labs, List.of(new StudentGrade("ada", List.of(lab1(), lab2NotCompiled()))), "test", "v1", Instant.EPOCH);
    }

}
