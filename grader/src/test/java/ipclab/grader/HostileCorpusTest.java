package ipclab.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import ipclab.grader.sandbox.NamespaceSandbox;
import ipclab.grader.score.LabGrade;
import ipclab.grader.score.LabStatus;
import ipclab.grader.score.StudentGrade;
import ipclab.grader.score.Verdict;
import ipclab.grader.submission.ExampleClass;
import ipclab.grader.submission.Submissions;
import ipclab.ipc.MessageQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Grades the hostile corpus (src/test/fixtures/hostile, described in its README) as one class, in
 * parallel, once, and checks: every student gets exactly the score their code earns (none raises
 * its own), every run ends within its limits, and nothing is left on the machine. It runs alone
 * (@Isolated): it looks for any process of the fixture lab left on the machine, which another
 * class's runs would be.
 */
@Isolated
@Timeout(600)
class HostileCorpusTest {
    static final Map<String, Integer> EXPECTED = Map.ofEntries(
            Map.entry("infinite-loop", 8), Map.entry("deadlock", 7), Map.entry("exit-in-static-init", 3),
            Map.entry("output-flood", 9), Map.entry("fork-bomb", 7), Map.entry("leaves-ipc-behind", 9),
            Map.entry("fake-results", 3), Map.entry("reads-hidden-tests", 3), Map.entry("shadows-assertj", 0),
            Map.entry("sigstop", 8), Map.entry("edits-public-tests", 0));

    @TempDir
    static Path temp;
    static Grader grader;
    static Map<String, StudentGrade> grades;
    static Set<Long> processesBefore;

    @BeforeAll
    static void gradeTheCorpus() {
        processesBefore = ProcessHandle.allProcesses().map(ProcessHandle::pid).collect(Collectors.toSet());
        var kit = Fixtures.fixtureKit();
        grader = Fixtures.grader(kit, Fixtures.fixtureLimits(), temp.resolve("work"), null);
        assumeTrue(grader.sandbox() instanceof NamespaceSandbox,
                "the corpus's scores and cleanup hold in the namespace sandbox, which this machine does not allow");
        var lab = grader.prepare(kit.labs().getFirst());
        var clones = ExampleClass.materialize(kit, Fixtures.hostileCorpus(), temp.resolve("class"));
        var subs = Submissions.read(clones, temp.resolve("unpacked"));
        grades = grader.gradeClass(subs, List.of(lab), Set.of(), Grader.Progress.NONE).stream()
                .collect(Collectors.toMap(StudentGrade::student, g -> g));
        grades.values().forEach(g -> System.out.printf("%-20s %d/9 in %.1f s, %d test JVM(s)%n", g.student(), g.points(),
                g.labs().getFirst().timings().totalMillis() / 1000.0, g.labs().getFirst().timings().jvms()));
    }

    private static LabGrade lab(String student) {
        return grades.get(student).labs().getFirst();
    }

    @Test
    void everyHostileSubmissionGetsExactlyTheScoreItsCodeEarns() {
        assertThat(grades.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        for (var e : EXPECTED.entrySet()) {
            var g = lab(e.getKey());
            assertThat(g.points()).as(e.getKey() + ":\n" + summary(g)).isEqualTo(e.getValue());
            assertThat(g.maxPoints()).isEqualTo(9);
        }
    }

    @Test
    void whatCannotBeGradedSaysWhy() {
        assertThat(lab("shadows-assertj").status()).isEqualTo(LabStatus.NOT_COMPILED);
        assertThat(lab("shadows-assertj").compilerErrors()).contains("org.assertj.core.api.Assertions");
        assertThat(lab("edits-public-tests").status()).isEqualTo(LabStatus.UNCHANGED);
    }

    @Test
    void testsThatNeverReportedFailWithTheReason() {
        assertThat(message(lab("sigstop"), "addsLargeNumbers")).contains("the test JVM was stopped");
        assertThat(message(lab("exit-in-static-init"), "addsTwoNumbers")).contains("the test JVM ended");
        assertThat(message(lab("fork-bomb"), "addsNegativeNumbers")).contains("processes");
        assertThat(message(lab("infinite-loop"), "addsLargeNumbers")).contains("timed out");
        assertThat(lab("exit-in-static-init").timings().jvms()).as("one test JVM per test that kills it, and one more").isGreaterThan(1);
    }

    @Test
    void forgedAndFloodedResultLinesAreRefused() {
        assertThat(lab("fake-results").notes()).anyMatch(n -> n.contains("not signed by the harness"));
        assertThat(lab("output-flood").notes()).anyMatch(n -> n.contains("not signed by the harness"));
        assertThat(lab("output-flood").output()).contains("more bytes of output dropped");
        assertThat(lab("output-flood").output().length()).isLessThan(300_000);
    }

    @Test
    void everyRunEndedWithinItsLimits() {
        var limits = Fixtures.fixtureLimits();
        for (var g : grades.values()) {
            assertThat(g.labs().getFirst().timings().totalMillis()).as(g.student()).isLessThan(limits.perRun().toMillis() + 30_000);
        }
    }

    @Test
    void nothingIsLeftOnTheMachine() throws IOException {
        assertThat(MessageQueue.exists(0x1BADC0DE)).as("the queue leaves-ipc-behind made").isFalse();
        try (Stream<Path> shm = Files.list(Path.of("/dev/shm"))) {
            assertThat(shm.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("ipclab-leftover-fixture"));
        }
        var after = new HashSet<String>();
        ProcessHandle.allProcesses().filter(p -> !processesBefore.contains(p.pid())).forEach(p -> after.add(cmdline(p)));
        assertThat(after).as("processes of this test's runs (the fixture lab's, or boxes in this test's folder)")
                .noneMatch(c -> c.contains("ipclab.echo") || c.contains(temp.toString()));
        try (Stream<Path> work = Files.list(temp.resolve("work"))) {
            assertThat(work).as("workspaces left").isEmpty();
        }
    }

    @Test
    void theReferenceSolutionIsNeverWithinReach() {
        var g = lab("reads-hidden-tests");
        assertThat(g.output()).doesNotContain("found ");
        assertThat(g.tests()).filteredOn(t -> t.test().method().startsWith("adds")).allMatch(t -> t.verdict() == Verdict.FAILED);
    }

    private static String message(LabGrade g, String method) {
        return g.tests().stream().filter(t -> t.test().method().equals(method)).findFirst().orElseThrow().message();
    }

    private static String summary(LabGrade g) {
        return g.status() + " " + g.notes() + "\n" + g.tests().stream()
                .map(t -> "  " + t.test().shortName() + " " + t.verdict() + " " + t.message().lines().findFirst().orElse(""))
                .collect(Collectors.joining("\n")) + "\n" + g.output().lines().limit(20).collect(Collectors.joining("\n"));
    }

    private static String cmdline(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
