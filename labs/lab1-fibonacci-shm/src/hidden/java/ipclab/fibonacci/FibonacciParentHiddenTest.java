package ipclab.fibonacci;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.Timing;

import static ipclab.testkit.ProgramAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@LabTest
@DisplayName("Lab 1, part A: FibonacciParent")
class FibonacciParentHiddenTest {
    /** A parent and its child: two JVM start-ups. A generous limit, not a measurement. */
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    @Points(2)
    @DisplayName("n = 10 prints 0 1 1 2 3 5 8 13 21 34 on one line")
    void printsTheFirstTenNumbers(Lab lab) {
        var run = lab.program(FibonacciParent.class).args("10").run(LIMIT);
        assertThat(run).succeeded().noStackTrace();
        assertThat(run.stdout()).isEqualTo("0 1 1 2 3 5 8 13 21 34\n");
    }

    @Test
    @Points(1)
    @DisplayName("n = 0 prints an empty line")
    void zeroPrintsAnEmptyLine(Lab lab) {
        var run = lab.program(FibonacciParent.class).args("0").run(LIMIT);
        assertThat(run).succeeded().noStackTrace();
        assertThat(run.stdout()).isEqualTo("\n");
    }

    @Test
    @Points(1)
    @DisplayName("n = 1 prints 0, n = 2 prints 0 1")
    void oneAndTwoPrintTheSeeds(Lab lab) {
        var one = lab.program(FibonacciParent.class).args("1").start();
        var two = lab.program(FibonacciParent.class).args("2").start();
        var runOne = one.finish(LIMIT);
        var runTwo = two.finish(LIMIT);
        assertThat(runOne).succeeded().noStackTrace();
        assertThat(runTwo).succeeded().noStackTrace();
        assertThat(runOne.stdout()).isEqualTo("0\n");
        assertThat(runTwo.stdout()).isEqualTo("0 1\n");
    }

    @Test
    @Points(2)
    @DisplayName("n = 93 prints up to F(92) = 7540113804746346429, the largest that fits a signed 64-bit slot")
    void ninetyThreeEndsWithTheLargestThatFits(Lab lab) {
        var run = lab.program(FibonacciParent.class).args("93").run(LIMIT);
        assertThat(run).succeeded().noStackTrace();
        assertThat(run.stdout()).isEqualTo(Expect.fibonacciLine(93)).endsWith(" 4660046610375530309 7540113804746346429\n");
    }

    @Test
    @Points(3)
    @DisplayName("n from 0 to 93 only: 94, -1, garbage, no n or two of them exit with status 2, the message naming 0 and 93")
    void acceptsExactlyZeroToNinetyThree(Lab lab) {
        var bad = List.of(List.of("94"), List.of("-1"), List.of("abc"), List.of("3.5"), List.of(""),
                List.of("99999999999999999999"), List.<String>of(), List.of("5", "6"));
        var all = new ArrayList<List<String>>(List.of(List.of("0"), List.of("93")));
        all.addAll(bad);
        var runs = Expect.runAll(lab, FibonacciParent.class, all, LIMIT);
        assertThat(runs.get(List.of("0"))).as("FibonacciParent 0").succeeded().noStackTrace();
        assertThat(runs.get(List.of("93"))).as("FibonacciParent 93").succeeded().noStackTrace();
        bad.forEach(args -> {
            String what = "FibonacciParent " + args.stream().map(a -> "'" + a + "'").collect(Collectors.joining(" "));
            var run = runs.get(args);
            assertThat(run).as(what).refusedWithUsage();
            if (args.size() == 1) {
                assertThat(run.stderr()).as("the message for %s names the range", what).containsPattern("\\b0\\b")
                        .containsPattern("\\b93\\b");
            }
        });
    }

    @Test
    @Points(3)
    @DisplayName("starts FibonacciChild as a separate JVM with the segment's path and n, then removes the segment")
    void startsTheChildAsASeparateJvm(Lab lab) {
        var watch = ChildWatch.with(lab, "none");
        var parent = watch.program(FibonacciParent.class).args("12").start();
        var run = parent.finish(LIMIT);
        assertThat(run).succeeded().noStackTrace();
        assertThat(run.stdout()).isEqualTo(Expect.fibonacciLine(12));

        var children = watch.children();
        assertThat(children).as("the JVMs FibonacciParent started").hasSize(1);
        var child = children.getFirst();
        assertThat(child.mainClass()).as("the child's main class").isEqualTo(FibonacciChild.class.getName());
        assertThat(child.ppid()).as("the parent process of the child JVM").isEqualTo(parent.pid());
        assertThat(child.args()).as("the child's arguments: <segment-path> <n>").hasSize(2).element(1).isEqualTo("12");
        assertThat(child.segmentBytes()).as("bytes in the segment when the child started (12 slots)")
                .isGreaterThanOrEqualTo(12 * Long.BYTES);
        assertThat(child.segment()).as("the segment after FibonacciParent exited").doesNotExist();
    }

    @Test
    @Points(3)
    @DisplayName("prints the numbers it reads from the shared segment, not numbers it computed itself")
    void printsWhatTheChildWrote(Lab lab) {
        // The agent stands in for FibonacciChild: it writes marks that are no Fibonacci numbers.
        var watch = ChildWatch.with(lab, "mark");
        var run = watch.program(FibonacciParent.class).args("7").run(LIMIT);
        assertThat(run).succeeded().noStackTrace();
        String marks = IntStream.range(0, 7).mapToObj(i -> Long.toString(ChildAgent.mark(i))).collect(Collectors.joining(" "));
        assertThat(run.stdout()).as("what the parent printed after a stand-in child wrote %s into the segment", marks)
                .isEqualTo(marks + "\n");
        assertThat(watch.children()).singleElement().satisfies(child -> assertThat(child.segment()).doesNotExist());
    }

    @Test
    @Points(2)
    @DisplayName("a child that fails: 'error: child process failed (exit status 3)', exit status 1, segment removed")
    void reportsAFailedChildAndRemovesTheSegment(Lab lab) {
        var watch = ChildWatch.with(lab, "exit=3");
        var run = watch.program(FibonacciParent.class).args("10").run(LIMIT);
        assertThat(run.status()).as("exit status when the child exits with 3%n  stderr: %s", run.stderr()).isEqualTo(1);
        assertThat(run.stdout()).as("stdout when the child failed").isEmpty();
        assertThat(ChildWatch.withoutAgentNotes(run)).failedWith("error: child process failed (exit status 3)");
        assertThat(watch.children()).singleElement().satisfies(child -> assertThat(child.segment()).doesNotExist());
    }

    @Test
    @Points(1)
    @DisplayName("a child that wrote every slot but exited with 5 still counts as failed")
    void checksTheChildsExitStatus(Lab lab) {
        var watch = ChildWatch.with(lab, "fib-then-exit=5");
        var run = watch.program(FibonacciParent.class).args("10").run(LIMIT);
        assertThat(run.status()).as("exit status when the child exits with 5%n  stdout: %s", run.stdout()).isEqualTo(1);
        assertThat(run.stdout()).as("stdout when the child failed").isEmpty();
        assertThat(ChildWatch.withoutAgentNotes(run)).failedWith("error: child process failed (exit status 5)");
        assertThat(watch.children()).singleElement().satisfies(child -> assertThat(child.segment()).doesNotExist());
    }

    @Test
    @Points(1)
    @DisplayName("SIGTERM while it waits for its child: the child is stopped and the segment removed")
    void sigtermStopsTheChildAndRemovesTheSegment(Lab lab) {
        var watch = ChildWatch.with(lab, "hang");
        var parent = watch.program(FibonacciParent.class).args("10").start();
        await().atMost(Timing.scaled(LIMIT)).pollInterval(Duration.ofMillis(20))
                .until(() -> !watch.children().isEmpty() || !parent.isAlive());
        assertThat(watch.children()).as("child JVMs started by FibonacciParent 10%s", parent.context()).hasSize(1);
        var child = watch.children().getFirst();
        parent.signal("TERM");
        parent.awaitExit(LIMIT);
        Expect.noProcessLeft(lab, "FibonacciParent (after SIGTERM)");
        assertThat(child.segment()).as("the segment after FibonacciParent was stopped").doesNotExist();
    }
}
