package ipclab.grader;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ipclab.grader.validate.Validation;
import ipclab.grader.submission.LabSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit proves its own tests, as {@code ./grade validate} does: for every real lab, the
 * solution scores full marks, the starter compiles and fails the hidden tests, and every wrong
 * solution ({@code solutions/<lab>/wrong/*.patch}) fails the tests it lists. Run in the sandbox,
 * as a class would be graded: one lab at a time, its runs as many at once as there are cores
 * (and each run's tests concurrently, as the grader runs them), with the limits the reference
 * run sizes; each wrong solution runs the tests it lists.
 */
class KitValidationTest {
    @TempDir
    static Path temp;

    static Stream<String> labs() {
        return Fixtures.realKit().labs().stream().map(LabSpec::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    @Timeout(1800)
    @Execution(ExecutionMode.SAME_THREAD)
    void theLabsTestsPassTheSolutionAndCatchTheStarterAndEveryWrongSolution(String lab) {
        var spec = Fixtures.realKit().labs().stream().filter(l -> l.name().equals(lab)).findFirst().orElseThrow();
        var grader = Fixtures.grader(Fixtures.realKit(), ipclab.grader.sandbox.Limits.defaults(),
                temp.resolve(spec.name() + "-work"), temp.resolve(spec.name() + "-cache"));
        var report = Validation.run(grader, grader.prepare(spec), Runtime.getRuntime().availableProcessors());
        assertThat(report.sound()).as(report.toString()).isTrue();
    }
}
