package ipclab.queues;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.RunningProgram;

import static ipclab.testkit.ProgramAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** PoolDemo's output: one line per task, then the two timing lines with plain decimal numbers. */
@LabTest
class PoolDemoHiddenTest {
    static final Duration RUN = Duration.ofSeconds(60);
    static final Pattern TASK = Pattern.compile(".*\\bTask-(\\d+)\\b.*");
    static final Pattern THEORETICAL = Pattern.compile("Theoretical total running time: \\d+(\\.\\d+)? s");
    static final Pattern ACTUAL = Pattern.compile("Actual running time: \\d+(\\.\\d+)? s");

    static void assertShape(RunningProgram.Result result, int tasks) {
        assertThat(result.status()).as("exit status; stderr: %s", result.stderr()).isZero();
        var lines = result.stdoutLines();
        assertThat(lines).as("stdout: one line per task, then two").hasSize(tasks + 2);
        var taskLines = lines.subList(0, tasks);
        assertThat(taskLines).as("task lines").allMatch(l -> TASK.matcher(l).matches(), "names its task as Task-<i>");
        assertThat(taskLines.stream().map(l -> { var m = TASK.matcher(l); m.matches(); return Integer.parseInt(m.group(1)); }))
                .as("the tasks named on the task lines").containsExactlyInAnyOrderElementsOf(IntStream.range(0, tasks).boxed().toList());
        assertThat(lines.get(tasks)).matches(THEORETICAL);
        assertThat(lines.get(tasks + 1)).matches(ACTUAL);
    }

    @Test
    @Points(2)
    @DisplayName("PoolDemo 4 2 prints one line per task, then the theoretical and the actual running time")
    void printsOneLinePerTaskThenTheTimes(Lab lab) {
        assertShape(lab.program(PoolDemo.class).args("4", "2").run(RUN), 4);
    }

    @Test
    @Points(1)
    @DisplayName("the times are plain decimal numbers even where the user's language writes 0,52")
    void timesArePlainDecimalsInEveryLocale(Lab lab) {
        var result = lab.program(PoolDemo.class).args("3", "3")
                .env("JAVA_TOOL_OPTIONS", "-Duser.language=de -Duser.country=DE").run(RUN);
        assertShape(result, 3);
    }

    @Test
    @Points(1)
    @DisplayName("bad arguments: exit status 2, a usage or error line first, nothing on stdout")
    void badArgumentsExitWithStatusTwo(Lab lab) {
        var runs = Stream.of("", "3", "3 0", "3 17", "x 2", "-1 2", "3 2 1")
                .map(arguments -> arguments.isEmpty() ? List.<String>of() : List.of(arguments.split(" ")))
                .collect(Collectors.toMap(args -> args, args -> lab.program(PoolDemo.class).args(args).start(),
                        (a, b) -> a, LinkedHashMap::new));  // all at once: each is a JVM start-up
        runs.forEach((args, run) -> assertThat(run.finish(Duration.ofSeconds(30))).as("PoolDemo %s", args).refusedWithUsage());
    }
}
