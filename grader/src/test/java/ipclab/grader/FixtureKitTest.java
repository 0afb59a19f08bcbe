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

import ipclab.grader.score.LabStatus;
import ipclab.grader.score.Verdict;
import ipclab.grader.submission.ExampleClass;
import ipclab.grader.submission.SourceSet;
import ipclab.grader.submission.Submissions;
import ipclab.grader.submission.WrongSolution;
import ipclab.testkit.Visibility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline end to end on the fixture kit: discovery, validate (solution, starter, wrong
 * solution), and the cache.
 */
@Timeout(300)
class FixtureKitTest {
    @TempDir
    static Path temp;
    static Pipeline pipeline;
    static Pipeline.PreparedLab lab;

    @BeforeAll
    static void prepare() {
        var kit = Fixtures.fixtureKit();
        pipeline = Fixtures.pipeline(kit, Fixtures.fixtureLimits(), temp.resolve("work"), temp.resolve("cache"));
        lab = pipeline.prepare(kit.labs().getFirst());
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
        var report = Validation.run(pipeline, lab, 2);
        assertThat(report.checks()).extracting(Validation.Check::what).containsExactly("solution", "starter", "wrong/off-by-one");
        assertThat(report.sound()).as(report.toString()).isTrue();
        assertThat(report.checks().get(1).detail()).contains("fails 4 of 4 hidden tests");
    }

    @Test
    void aWrongSolutionThatPassesATestItShouldFailMakesTheKitUnsound() {
        var spec = lab.spec();
        var solutionGrade = pipeline.gradeAlways(lab, "solution", SourceSet.read(spec.solution(), spec.packagePath()));
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
        var first = pipeline.grade(lab, "ada", Optional.of(sources), false);
        assertThat(first.status()).isEqualTo(LabStatus.GRADED);
        assertThat(first.points()).isEqualTo(9);
        long start = System.nanoTime();
        var again = pipeline.grade(lab, "bob", Optional.of(sources), false);
        assertThat((System.nanoTime() - start) / 1_000_000).as("a cache hit runs nothing").isLessThan(5_000);
        assertThat(again).isEqualTo(first);
        var changed = sources.overlay(new SourceSet(java.util.Map.of("ipclab/echo/Extra.java",
                "package ipclab.echo; class Extra {}".getBytes()), java.util.List.of()));
        assertThat(pipeline.cacheKey(lab, changed)).isNotEqualTo(first.key());
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
        var first = pipeline.gradeClass(two, List.of(lab), Set.of(), Pipeline.Progress.NONE);
        var again = pipeline.gradeClass(two, List.of(lab), Set.of("a"), Pipeline.Progress.NONE);
        assertThat(again).hasSize(2);
        assertThat(again.get(1).labs()).as("b, from the cache").isEqualTo(first.get(1).labs());
        assertThat(again.get(0).labs().getFirst().timings()).as("a, graded again").isNotEqualTo(first.get(0).labs().getFirst().timings());
        var three = Submissions.read(subs, temp.resolve("unpacked2"));
        var withNew = pipeline.gradeClass(three, List.of(lab), Set.of("a"), Pipeline.Progress.NONE);
        assertThat(withNew).extracting(g -> g.student()).as("c has nothing cached and was not named").containsExactly("a", "b");
    }

    @Test
    void withoutNamespacesTheSameRunGivesTheSameScore() {
        var plain = new Pipeline(Fixtures.fixtureKit(), new Pipeline.Settings(Fixtures.fixtureLimits(), 1, 1.0,
                java.time.Duration.ofSeconds(120), temp.resolve("plain-work"), new ResultCache(null)),
                new ipclab.grader.sandbox.PlainSandbox(Fixtures.fixtureLimits()));
        var grade = plain.gradeAlways(lab, "plain", SourceSet.read(lab.spec().solution(), lab.spec().packagePath()));
        assertThat(grade.points()).as(grade.notes() + "\n" + grade.output()).isEqualTo(9);
    }

    @Test
    void unchangedAndMissingWorkIsReportedAsSuch() {
        assertThat(pipeline.grade(lab, "x", Optional.of(lab.starter()), false).status()).isEqualTo(LabStatus.UNCHANGED);
        assertThat(pipeline.grade(lab, "x", Optional.empty(), false).status()).isEqualTo(LabStatus.NOT_SUBMITTED);
        assertThat(pipeline.grade(lab, "x", Optional.of(lab.starter()), false).tests())
                .allMatch(t -> t.verdict() == Verdict.NOT_RUN);
        assertThat(lab.tests()).anyMatch(t -> t.visibility() == Visibility.Level.AFTER_DUE_DATE);
    }
}
