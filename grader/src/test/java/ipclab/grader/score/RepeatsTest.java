package ipclab.grader.score;

import java.util.List;

import org.junit.jupiter.api.Test;

import ipclab.testkit.Visibility;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatsTest {
    static final ExpectedTest A = test("a", 2), B = test("b", 3), C = test("c", 5);

    static ExpectedTest test(String name, int points) {
        return new ExpectedTest(name, "ipclab.x.XTest", name, name, points, Visibility.Level.HIDDEN);
    }

    static LabGrade run(Verdict a, Verdict b, Verdict c) {
        return LabGrade.of("lab9", LabStatus.GRADED, List.of(new TestOutcome(A, a, a == Verdict.PASSED ? "" : "a broke", 10),
                new TestOutcome(B, b, b == Verdict.PASSED ? "" : "b broke", 20), new TestOutcome(C, c, "", 30)),
                "", "", List.of(), new Timings(1, 2, 3, 6, 1, 100), "key");
    }

    @Test
    void theMajorityCountsAndATestThatChangedItsVerdictIsUnstable() {
        var p = Verdict.PASSED;
        var f = Verdict.FAILED;
        var grade = Repeats.combine(List.of(run(p, f, p), run(f, f, p), run(p, p, p)));
        assertThat(grade.tests())
                .extracting(t -> t.test().uid() + " " + t.verdict() + " " + t.passes() + "/" + t.runs() + " " + t.unstable())
                .containsExactly("a PASSED 2/3 true", "b FAILED 1/3 true", "c PASSED 3/3 false");
        assertThat(grade.points()).isEqualTo(7);
        assertThat(grade.unstableTests()).extracting(t -> t.test().uid()).containsExactly("a", "b");
        assertThat(grade.tests().get(1).message()).isEqualTo("unstable: passed 1 of 3 runs; when it failed: b broke");
        assertThat(grade.timings().totalMillis()).isEqualTo(18);
    }

    @Test
    void aTieFailsAndOneRunIsItself() {
        var grade = Repeats
                .combine(List.of(run(Verdict.PASSED, Verdict.PASSED, Verdict.PASSED), run(Verdict.FAILED, Verdict.PASSED, Verdict.PASSED)));
        assertThat(grade.tests().getFirst().verdict()).isEqualTo(Verdict.FAILED);
        var one = run(Verdict.PASSED, Verdict.FAILED, Verdict.PASSED);
        assertThat(Repeats.combine(List.of(one))).isSameAs(one);
        assertThat(one.unstableTests()).isEmpty();
    }
}
