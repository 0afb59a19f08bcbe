package ipclab.fibonacci;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.Timing;

import static ipclab.testkit.ProgramAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Part B beyond the races of {@link SharedCounterPublicTest}: unsafe, the limits, processes, errors, signals. */
@LabTest
@DisplayName("Lab 1, part B: SharedCounter")
class SharedCounterHiddenTest {
    /** Up to 5 JVMs on a busy machine: a generous limit, not a measurement. */
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern OUTPUT = Pattern.compile("expected=(\\d+) actual=(-?\\d+)\n");

    @Test
    @Points(1)
    @DisplayName("unsafe never counts more than expected (it may count less)")
    void unsafeNeverCountsMoreThanExpected(Lab lab) {
        var run = lab.program(SharedCounter.class).args("4", "100000", "unsafe").run(LIMIT);
        assertThat(run).succeeded().noStackTrace();
        var matcher = OUTPUT.matcher(run.stdout());
        assertThat(matcher.matches()).as("output of SharedCounter 4 100000 unsafe: %s", run.stdout()).isTrue();
        assertThat(Long.parseLong(matcher.group(1))).as("expected").isEqualTo(400_000);
        assertThat(Long.parseLong(matcher.group(2))).as("actual (every lost update makes it smaller, nothing makes it larger)")
                .isBetween(1L, 400_000L);
    }

    @Test
    @Points(1)
    @DisplayName("unsafe with a single process is exact: nobody else writes between its read and its write")
    void unsafeWithOneProcessIsExact(Lab lab) {
        var run = lab.program(SharedCounter.class).args("1", "100000", "unsafe").run(LIMIT);
        assertThat(run).succeeded().noStackTrace();
        assertThat(run.stdout()).isEqualTo("expected=100000 actual=100000\n");
    }

    @Test
    @Points(1)
    @DisplayName("the limits of increments are accepted: 2 processes × 0 and 1 process × 10,000,000")
    void acceptsTheLimitsOfIncrements(Lab lab) {
        var none = lab.program(SharedCounter.class).args("2", "0", "locked").start();
        var most = lab.program(SharedCounter.class).args("1", "10000000", "atomic").start();
        var runNone = none.finish(LIMIT);
        var runMost = most.finish(LIMIT);
        assertThat(runNone).succeeded().noStackTrace();
        assertThat(runMost).succeeded().noStackTrace();
        assertThat(runNone.stdout()).isEqualTo("expected=0 actual=0\n");
        assertThat(runMost.stdout()).isEqualTo("expected=10000000 actual=10000000\n");
    }

    @Test
    @Points(2)
    @DisplayName("starts one child JVM per process")
    void startsOneChildJvmPerProcess(Lab lab) {
        var watch = ChildWatch.with(lab, "none");
        // no increments: the verdict is about processes, whatever the modes do under contention
        var parent = watch.program(SharedCounter.class).args("3", "0", "atomic").start();
        var run = parent.finish(LIMIT);
        assertThat(run).succeeded().noStackTrace();
        assertThat(run.stdout()).isEqualTo("expected=0 actual=0\n");
        assertThat(watch.children()).as("the JVMs SharedCounter 3 0 atomic started").hasSize(3)
                .allSatisfy(child -> assertThat(child.ppid()).as("parent process of %s", child.mainClass()).isEqualTo(parent.pid()));
    }

    @Test
    @Points(2)
    @DisplayName("1 1 atomic works; bad arguments: exit status 2, and a message that names the range or the modes")
    void rejectsBadArguments(Lab lab) {
        String processesRange = "(?s).*\\b1\\b.*\\b16\\b.*";
        String incrementsRange = "(?s).*\\b0\\b.*\\b10[,_ ]?000[,_ ]?000\\b.*";
        String modes = "(?s)(?=.*unsafe)(?=.*atomic)(?=.*locked).*";
        var cases = new LinkedHashMap<List<String>, String>();
        cases.put(List.of("0", "10", "atomic"), processesRange);
        cases.put(List.of("17", "10", "atomic"), processesRange);
        cases.put(List.of("two", "10", "atomic"), processesRange);
        cases.put(List.of("2", "-1", "atomic"), incrementsRange);
        cases.put(List.of("2", "10000001", "atomic"), incrementsRange);
        cases.put(List.of("2", "lots", "atomic"), incrementsRange);
        cases.put(List.of("2", "10", "fast"), modes);
        cases.put(List.of("2", "10"), ".*");
        cases.put(List.of("2", "10", "atomic", "extra"), ".*");
        cases.put(List.of(), ".*");
        var all = new ArrayList<List<String>>(List.of(List.of("1", "1", "atomic")));
        all.addAll(cases.keySet());
        var runs = Expect.runAll(lab, SharedCounter.class, all, LIMIT);
        var goodRun = runs.get(List.of("1", "1", "atomic"));
        assertThat(goodRun).succeeded().noStackTrace();
        assertThat(goodRun.stdout()).isEqualTo("expected=1 actual=1\n");
        cases.forEach((args, message) -> {
            String what = "SharedCounter " + String.join(" ", args);
            var run = runs.get(args);
            assertThat(run).as(what).refusedWithUsage();
            assertThat(run.stderr()).as("the message for %s", what).matches("(?s)" + message);
        });
    }

    @Test
    @Points(1)
    @DisplayName("a worker that fails: 'error: child process failed (exit status 4)', exit status 1, nothing left")
    void reportsAFailedWorker(Lab lab) {
        var watch = ChildWatch.with(lab, "exit=4");
        var run = watch.program(SharedCounter.class).args("3", "1000", "atomic").run(LIMIT);
        assertThat(run.status()).as("exit status when the workers exit with 4%n  stderr: %s", run.stderr()).isEqualTo(1);
        assertThat(run.stdout()).as("stdout when a worker failed").isEmpty();
        assertThat(ChildWatch.withoutAgentNotes(run)).failedWith("error: child process failed (exit status 4)");
        Expect.noProcessLeft(lab, "SharedCounter");
        assertThat(lab.segmentsNow()).as("segments left by SharedCounter").isEmpty();
    }

    @Test
    @Points(1)
    @DisplayName("SIGTERM while the workers count: they are stopped and the segment removed")
    void sigtermStopsTheWorkersAndRemovesTheSegment(Lab lab) {
        var parent = lab.program(SharedCounter.class).args("3", "10000000", "locked").start();
        await().atMost(Timing.scaled(LIMIT)).pollInterval(Duration.ofMillis(20))
                .until(() -> lab.processesNow().size() >= 4 || !parent.isAlive());
        assertThat(parent.isAlive()).as("SharedCounter 3 10000000 locked still counting%s", parent.context()).isTrue();
        parent.signal("TERM");
        parent.awaitExit(LIMIT);
        Expect.noProcessLeft(lab, "SharedCounter (after SIGTERM)");
        assertThat(lab.segmentsNow()).as("segments left by SharedCounter after SIGTERM").isEmpty();
    }
}
