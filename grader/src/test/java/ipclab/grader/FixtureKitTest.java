package ipclab.grader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ipclab.grader.validate.Validation;
import ipclab.grader.cache.ResultCache;
import ipclab.grader.sandbox.Limits;
import ipclab.grader.score.LabStatus;
import ipclab.grader.score.Verdict;
import ipclab.grader.submission.ExampleClass;
import ipclab.grader.submission.SourceSet;
import ipclab.grader.submission.Submissions;
import ipclab.grader.submission.WrongSolution;
import ipclab.testkit.Visibility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grader end to end on the fixture kit: discovery, validate (solution, starter, wrong
 * solution), and the cache.
 */
@Timeout(300)
class FixtureKitTest {
    @TempDir
    static Path temp;
    static Grader grader;
    static PreparedLab lab;

    @BeforeAll
    static void prepare() {
        var kit = Fixtures.fixtureKit();
        grader = Fixtures.grader(kit, Fixtures.fixtureLimits(), temp.resolve("work"), temp.resolve("cache"));
        lab = grader.prepare(kit.labs().getFirst());
    }

    @Test
    void theGraderFindsTheTestsItselfWithTheirPointsAndVisibility() {
        assertThat(lab.tests()).extracting(t -> t.shortName() + " " + t.points() + " " + t.visibility())
                .containsExactlyInAnyOrder(
                        "EchoPublicTest#addsTwoNumbers 1 VISIBLE", "EchoPublicTest#greetsByName 1 VISIBLE",
                        "EchoHiddenTest#addsNegativeNumbers 2 HIDDEN", "EchoHiddenTest#greetsEachNameOnItsOwnLine 2 HIDDEN",
                        "EchoHiddenTest#addsLargeNumbers 1 AFTER_DUE_DATE", "EchoHiddenTest#addsManyPairs 2 HIDDEN");
        assertThat(lab.maxPoints()).isEqualTo(9);
    }

    @Test
    void validateFindsTheFixtureKitSound() {
        var report = Validation.run(grader, lab, 2);
        assertThat(report.checks()).extracting(Validation.Check::what).containsExactly("solution", "second solution", "starter",
                "given files", "wrong/off-by-one");
        assertThat(report.sound()).as(report.toString()).isTrue();
        assertThat(report.checks().get(2).detail()).contains("fails 4 of 4 hidden tests");
    }

    @Test
    void aWrongSolutionThatPassesATestItShouldFailMakesTheKitUnsound() {
        var spec = lab.spec();
        var solutionGrade = grader.gradeAlways(lab, "solution", SourceSet.read(spec.solution(), spec.packagePath()));
        var names = lab.tests().stream().map(t -> t.shortName()).collect(java.util.stream.Collectors.toSet());
        var tooKind = new WrongSolution("too-kind", spec.solutionDir(), "", List.of("EchoHiddenTest#addsNegativeNumbers"));
        var check = Validation.wrongCheck(tooKind, solutionGrade, names);
        assertThat(check.ok()).isFalse();
        assertThat(check.detail()).contains("passes EchoHiddenTest#addsNegativeNumbers");
        var typo = new WrongSolution("typo", spec.solutionDir(), "", List.of("EchoHiddenTest#addsNegative"));
        assertThat(Validation.wrongCheck(typo, solutionGrade, names).detail()).contains("do not exist: EchoHiddenTest#addsNegative");
    }

    @Test
    void aResultIsCachedByContentAndReusedUnchanged() {
        var sources = SourceSet.read(lab.spec().solution(), lab.spec().packagePath());
        var first = grader.grade(lab, "ada", Optional.of(sources), false);
        assertThat(first.status()).isEqualTo(LabStatus.GRADED);
        assertThat(first.points()).isEqualTo(9);
        long start = System.nanoTime();
        var again = grader.grade(lab, "bob", Optional.of(sources), false);
        assertThat((System.nanoTime() - start) / 1_000_000).as("a cache hit runs nothing").isLessThan(5_000);
        assertThat(again).isEqualTo(first);
        var changed = sources.overlay(new SourceSet(java.util.Map.of("ipclab/echo/Extra.java",
                "package ipclab.echo; class Extra {}".getBytes()), java.util.List.of()));
        assertThat(grader.cacheKey(lab, changed)).isNotEqualTo(first.key());
    }

    @Test
    void onlyRegradesTheNamedStudentsAndTakesTheOthersFromTheCache() throws Exception {
        Path subs = temp.resolve("subs");
        for (String student : List.of("a", "b", "c")) {
            Path java = subs.resolve(student).resolve("labs/lab0-echo/src/main/java");
            ExampleClass.copyTree(lab.spec().solution(), java);
            if (!student.equals("b")) {
                Files.writeString(java.resolve("ipclab/echo/Note.java"), "package ipclab.echo; class Note { /* " + student + " */ }");
            }
        }
        var two = Submissions.read(subs, temp.resolve("unpacked")).stream()
                .filter(s -> !s.student().equals("c")).toList();
        var first = grader.gradeClass(two, List.of(lab), Set.of(), Grader.Progress.NONE);
        var again = grader.gradeClass(two, List.of(lab), Set.of("a"), Grader.Progress.NONE);
        assertThat(again).hasSize(2);
        assertThat(again.get(1).labs()).as("b, from the cache").isEqualTo(first.get(1).labs());
        assertThat(again.get(0).labs().getFirst().timings()).as("a, graded again").isNotEqualTo(first.get(0).labs().getFirst().timings());
        var three = Submissions.read(subs, temp.resolve("unpacked2"));
        var withNew = grader.gradeClass(three, List.of(lab), Set.of("a"), Grader.Progress.NONE);
        assertThat(withNew).extracting(g -> g.student()).as("c has nothing cached and was not named").containsExactly("a", "b");
    }

    @Test
    void withoutNamespacesTheSameRunGivesTheSameScore() {
        var plain = new Grader(Fixtures.fixtureKit(),
                new Grader.Settings(Fixtures.fixtureLimits(), 1, Grader.Settings.defaultTestThreads(), 1.0,
                        java.time.Duration.ofSeconds(120), temp.resolve("plain-work"), new ResultCache(null)),
                new ipclab.grader.sandbox.PlainSandbox(Fixtures.fixtureLimits()));
        var grade = plain.gradeAlways(lab, "plain", SourceSet.read(lab.spec().solution(), lab.spec().packagePath()));
        assertThat(grade.points()).as(grade.notes() + "\n" + grade.output()).isEqualTo(9);
    }

    @Test
    void aSubmissionThatHangsEverywhereCostsAboutThreeTimesTheReferenceNotTheCeiling() {
        var derived = Fixtures.grader(Fixtures.fixtureKit(), Limits.defaults(), temp.resolve("derived-work"),
                temp.resolve("derived-cache"));
        var timed = derived.prepare(lab.spec());
        var reference = timed.reference();
        assertThat(reference.suiteMillis()).as("the reference solution was timed").isPositive();
        assertThat(reference.testMillis()).hasSize(timed.tests().size());
        assertThat(timed.tests()).allMatch(t -> reference.limitFor(t, Limits.defaults(), 1.0).toSeconds() < 150);
        assertThat(derived.prepare(lab.spec()).reference()).as("measured once, then from the cache").isEqualTo(reference);

        var hangs = SourceSet.read(lab.spec().solution(), lab.spec().packagePath()).overlay(new SourceSet(java.util.Map.of(
                "ipclab/echo/Adder.java", """
                        package ipclab.echo;
                        public final class Adder {
                            public static long add(long a, long b) { while (a != b || a == b) Thread.onSpinWait(); return 0; }
                        }""".getBytes(),
                "ipclab/echo/Greeter.java", """
                        package ipclab.echo;
                        public final class Greeter {
                            public static void main(String[] args) { while (args != null) Thread.onSpinWait(); }
                        }""".getBytes()), List.of()));
        var grade = derived.gradeAlways(timed, "hangs", hangs);
        assertThat(grade.points()).isZero();
        long allowed = reference.runLimit(Limits.defaults(), 1.0).toMillis();
        assertThat(allowed).isLessThan(3 * reference.suiteMillis() + 31_000);
        assertThat(grade.timings().totalMillis()).as(grade.notes().toString()).isLessThan(allowed + 15_000);
    }

    @Test
    void repeatedGradingCountsEachTestsRunsAndTheControlIsGradedAfreshAmidTheClass() throws Exception {
        var settings = new Grader.Settings(Fixtures.fixtureLimits(), 2, Grader.Settings.defaultTestThreads(), 3.0,
                java.time.Duration.ofSeconds(120), temp.resolve("repeat-work"), new ResultCache(temp.resolve("repeat-cache")), 2);
        var repeating = new Grader(Fixtures.fixtureKit(), settings, grader.sandbox());
        var prepared = repeating.prepare(lab.spec());
        Path subs = temp.resolve("repeat-subs");
        Path ann = subs.resolve("ann/labs/lab0-echo/src/main/java");
        ExampleClass.copyTree(lab.spec().solution(), ann);
        Files.writeString(ann.resolve("ipclab/echo/Note.java"), "package ipclab.echo; class Note { /* ann */ }");
        var control = new ipclab.grader.submission.Submission("(control)", Fixtures.fixtureKit().root().resolve("solutions"));
        var students = new java.util.ArrayList<>(Submissions.read(subs, temp.resolve("repeat-unpacked")));
        students.add(control);
        var first = repeating.gradeClass(students, List.of(prepared), Set.of(), Set.of("(control)"), Grader.Progress.NONE);
        assertThat(first).extracting(g -> g.student() + " " + g.points()).containsExactly("ann 9", "(control) 9");
        assertThat(first.getFirst().labs().getFirst().tests()).allMatch(t -> t.runs() == 2 && t.passes() == 2 && !t.unstable());
        var again = repeating.gradeClass(students, List.of(prepared), Set.of(), Set.of("(control)"), Grader.Progress.NONE);
        assertThat(again.getFirst().labs()).as("ann, from the cache").isEqualTo(first.getFirst().labs());
        assertThat(again.get(1).labs().getFirst().timings()).as("the control, graded afresh")
                .isNotEqualTo(first.get(1).labs().getFirst().timings());

        var controlGrade = again.get(1).labs().getFirst();
        var result = new ipclab.grader.report.ClassResult(java.util.Map.of("lab0-echo", 9), List.of(again.getFirst()), "s", "v",
                java.time.Instant.EPOCH, List.of(controlGrade));
        assertThat(result.infrastructureProblems()).isEmpty();
        var lost = controlGrade.tests().stream().map(t -> t.test().method().equals("addsTwoNumbers")
                ? new ipclab.grader.score.TestOutcome(t.test(), Verdict.FAILED, "timed out", 1, 2, 1) : t).toList();
        var lostGrade = ipclab.grader.score.LabGrade.of("lab0-echo", LabStatus.GRADED, lost, "", "", List.of(), controlGrade.timings(),
                "k");
        var bad = new ipclab.grader.report.ClassResult(result.labs(), result.students(), "s", "v", java.time.Instant.EPOCH,
                List.of(lostGrade));
        assertThat(bad.infrastructureProblems()).singleElement().asString().contains("EchoPublicTest#addsTwoNumbers").contains("lab0-echo");
        assertThat(ipclab.grader.report.ClassTable.render(bad)).contains("INFRASTRUCTURE PROBLEM")
                .contains("control lab0: the reference solution scored 8/9");
    }

    @Test
    void unchangedAndMissingWorkIsReportedAsSuch() {
        assertThat(grader.grade(lab, "x", Optional.of(lab.starter()), false).status()).isEqualTo(LabStatus.UNCHANGED);
        assertThat(grader.grade(lab, "x", Optional.empty(), false).status()).isEqualTo(LabStatus.NOT_SUBMITTED);
        assertThat(grader.grade(lab, "x", Optional.of(lab.starter()), false).tests())
                .allMatch(t -> t.verdict() == Verdict.NOT_RUN);
        assertThat(lab.tests()).anyMatch(t -> t.visibility() == Visibility.Level.AFTER_DUE_DATE);
    }
}
